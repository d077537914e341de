#!/usr/bin/env bash
# One command for the benchmarks: builds the bench module, makes sure the local stack runs, generates the chosen
# scale once, runs the scenarios and writes bench/results/<time>/report.{md,json,html} (git ignores bench/results).
#
#   ./bench/run.sh                                   small scale, every scenario, 60 s each
#   ./bench/run.sh --scale district --duration 120   the 1,200-school district (loads ~14 M rows first)
#   ./bench/run.sh --scenarios limits,desk-storm --desks 32
#   ./bench/run.sh --scale small --titles 1000000    any size between, by parameters
#
# Options: --scale small|medium|district, --sites/--patrons/--titles/--copies N, --seed N, --duration S,
#          --warmup S (the load before each Gatling scenario's measured run, reported apart; default 20),
#          --rate N (desk arrivals per second: N check-outs + N check-ins), --desks N (closed-model desks and
#          pgbench clients), --search-rate N, --marc-records N, --marc-site CODE,
#          --roster-users N, --report-loans N, --ingest-events N,
#          --scenarios generate,limits,memory-idle,lookup,search,desk-latency,desk-storm,marc-import,
#          oneroster-import,monthly-report,renew-all,reporting-ingestion (default all).
#          The stack's ports come from the same variables as deploy/local/run.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
for arg in "$@"; do
  if [[ "$arg" == "-h" || "$arg" == "--help" ]]; then
    # the comment above is the usage: print it, start nothing
    sed -n '2,/^set -euo/p' bench/run.sh | sed '$d' | sed 's/^# \{0,1\}//'
    exit 0
  fi
done
ROOT="$(pwd)"

echo "==> building the bench module (and the catalog classes it uses; the running services are left alone)"
./mvnw -B -q -DskipTests -Dquarkus.build.skip=true package -pl bench -am
CLASSPATH_FILE=bench/target/bench.classpath
CP="$ROOT/bench/target/classes:$(cat "$CLASSPATH_FILE")"
# the options are checked before the stack is started or anything loaded: a mistyped one stops here
java -Dlrms.bench.checkOnly=true -cp "$CP" org.lrms.bench.BenchMain --project "$ROOT" --classpath "$CP" "$@" || exit 2

source deploy/local/lib.sh
export LRMS_STATE_DIR="$STATE"

for svc in catalog circulation reporting; do
  port="${SERVICE_PORT[$svc]}"
  if ! curl -fs -o /dev/null --max-time 3 "http://localhost:$port/q/health/ready"; then
    echo "bench: the $svc service is not ready on port $port; starting the local stack (./deploy/local/run.sh)"
    LRMS_SEED="${LRMS_SEED:-0}" ./deploy/local/run.sh
    break
  fi
done

command -v pgbench >/dev/null || [[ -x "$(pg_bin)/pgbench" ]] || { echo "bench: pgbench missing (apt-get install postgresql-contrib or postgresql)"; exit 1; }

export LRMS_PG_BIN_DETECTED="$(pg_bin)"
exec java -Xms512m -Xmx2g -cp "$CP" org.lrms.bench.BenchMain --project "$ROOT" --classpath "$CP" "$@"
