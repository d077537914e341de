#!/usr/bin/env bash
# Runs the whole LRMS suite on this machine, no Docker and no mocks: PostgreSQL (one cluster, one database per
# service), a single-node Kafka broker (KRaft), Keycloak with the district realm, the five services and the portal;
# then seeds a demo district once. Run it again to start whatever is not running; ./deploy/local/stop.sh ends it.
#
# Environment (all optional):
#   LRMS_SKIP_BUILD=1            do not run ./mvnw install first (use the jars under */target)
#   LRMS_SEED=0                  do not seed the demo district
#   LRMS_STATE_DIR               where data, logs and pid files live (default .lrms/ in the project)
#   LRMS_PG_PORT 5432  LRMS_KAFKA_PORT 9092  LRMS_KAFKA_CONTROLLER_PORT 9093  LRMS_KEYCLOAK_PORT 8180
#   LRMS_KEYCLOAK_MANAGEMENT_PORT 9000  PORTAL_PORT 8080  CATALOG_PORT 8081  CIRCULATION_PORT 8082
#   TEXTBOOK_PORT 8083  ACQUISITIONS_PORT 8084  REPORTING_PORT 8085  LRMS_MAIL_SMTP_PORT 1025  LRMS_MAIL_PORT 8025
#   LRMS_JAVA_OPTS               JVM options of the services and the portal
#   LRMS_CATALOG_JAVA_OPTS       the catalog's (default: LRMS_JAVA_OPTS, else the others' without C1 only)
#   LRMS_PG_SHARED_BUFFERS       PostgreSQL's shared_buffers; default a quarter of the machine's memory, as
#                                PostgreSQL's manual advises (its own default, 128MB, keeps little of a district's
#                                catalog and copies in memory); applies when PostgreSQL starts
#   LRMS_JSON_LOGS=true          services log JSON lines
#   LRMS_START_TIMEOUT 300       seconds to wait for everything to be ready
#   LRMS_KEYCLOAK_JAVA_HOME      a JDK 21+ for Keycloak (found under /usr/lib/jvm otherwise)
#   LRMS_KEYCLOAK_ZIP            the keycloak-quarkus-dist zip (resolved from Maven otherwise)
#   LRMS_GREENMAIL_JAR           the greenmail-standalone jar of the mail catcher (resolved from Maven otherwise)
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$LRMS_ROOT"

START_TIMEOUT="${LRMS_START_TIMEOUT:-300}"
# C1 only (-XX:TieredStopAtLevel=1): on 2 cores shared by six JVMs, C2's compilations cost more than they give back
# within the first minutes (desk storm, same quiet machine, after a 20 s warm-up: 210 requests/s with C1 only, 142
# with full tiered compilation; circulation's peak resident size 291 MB against 349 MB; bench/README.md). A
# deployment with cores to spare should drop it: C2's intrinsics make the token's RSA check far cheaper.
SMALL_JVM="-Xms64m -Xmx384m -XX:+UseSerialGC"
JAVA_OPTS="${LRMS_JAVA_OPTS:-$SMALL_JVM -XX:TieredStopAtLevel=1}"
# The catalog keeps C2: its barcode lookup and search run the same short paths all day, and compiled by C2 a lookup
# costs the catalog 0.34 ms of CPU where C1's code spends 0.75 (district scale, 500 lookups/s; the lookup's p99 fell
# from 7-14 ms to 4-9; its resident size after the lookups 307 MB). Its first MARC files after a start are slower
# while C2 compiles (1,087 and 1,586 records/s, then 2,074-2,226; bench/README.md, 2026-12-06).
CATALOG_JAVA_OPTS="${LRMS_CATALOG_JAVA_OPTS:-${LRMS_JAVA_OPTS:-$SMALL_JVM}}"
LOCAL_PASSWORD="changeit"   # LOCAL DEMO ONLY: the realm's demo users

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }
die() { printf 'run.sh: %s\n' "$*" >&2; exit 1; }

mkdir -p "$PIDS" "$LOGS"
# As root, the PostgreSQL server runs as another OS user: it must be able to reach the state folder.
if is_root; then chmod 755 "$STATE"; fi

"$LRMS_ROOT/deploy/local/prerequisites.sh"

# ---------------------------------------------------------------------------------------------------- build
running=()
for name in "${SERVICES[@]}" portal; do
  if is_running "$name"; then running+=("$name"); fi
done
if [[ "${LRMS_SKIP_BUILD:-0}" == "1" ]]; then
  :
elif ((${#running[@]})); then
  # rebuilding would replace the jars under running services
  say "Not rebuilding: ${running[*]} running from the current build (./deploy/local/stop.sh first for a fresh build)"
else
  say "Building the suite (./mvnw -B -DskipTests install; LRMS_SKIP_BUILD=1 skips this)"
  ./mvnw -B -q -DskipTests install
fi
for svc in "${SERVICES[@]}"; do
  [[ -f "$svc-service/target/quarkus-app/quarkus-run.jar" ]] || die "$svc-service is not built: run without LRMS_SKIP_BUILD"
done
[[ -f portal/target/quarkus-app/quarkus-run.jar ]] || die "the portal is not built: run without LRMS_SKIP_BUILD"
KAFKA_CLASSPATH_FILE="$LRMS_ROOT/lrms-test-broker/target/classes/lrms-kafka-broker.classpath"
if [[ ! -f "$KAFKA_CLASSPATH_FILE" ]]; then
  ./mvnw -B -q -DskipTests install -pl lrms-test-broker
fi

# Starts a background process for component $1 with the rest as its command, unless it already runs.
# setsid: the stack outlives this script and a Ctrl-C in its terminal; the pid file is how stop.sh finds it.
launch() {
  local name="$1" port="$2"; shift 2
  if is_running "$name"; then
    echo "  $name already running (pid $(pid_of "$name"))"
    return 0
  fi
  if port_open "$port"; then
    die "port $port (for $name) is taken by another process: stop it or choose another port (see the top of $0)"
  fi
  echo "  starting $name on port $port (log: $LOGS/$name.log)"
  setsid "$@" >>"$LOGS/$name.log" 2>&1 </dev/null &
  echo $! >"$PIDS/$name.pid"
}

# A Log4j 2 configuration ($1) that logs warnings and errors only, to the console (the component's log file).
warnings_only_log4j2() {
  cat >"$1" <<PROPS
rootLogger.level=WARN
rootLogger.appenderRef.stdout.ref=stdout
appender.stdout.type=Console
appender.stdout.name=stdout
appender.stdout.layout.type=PatternLayout
appender.stdout.layout.pattern=%d %p %c - %m%n
PROPS
}

# Waits until $2 answers 2xx; fails early when component $1's process has died.
await_http() {
  local name="$1" url="$2"
  until curl -fs -o /dev/null --max-time 3 "$url"; do
    if [[ "$name" != postgres ]] && ! is_running "$name"; then
      tail -n 40 "$LOGS/$name.log" >&2 || true
      die "$name stopped while starting (log: $LOGS/$name.log)"
    fi
    ((SECONDS < DEADLINE)) || die "$name not ready at $url within ${START_TIMEOUT}s (log: $LOGS/$name.log)"
    sleep 1
  done
}

# ------------------------------------------------------------------------------------------------ PostgreSQL
start_postgres() {
  local bin; bin="$(pg_bin)"
  [[ -x "$bin/initdb" ]] || die "PostgreSQL server binaries not found (run deploy/local/prerequisites.sh)"
  mkdir -p "$STATE/postgres"
  if [[ -n "$(pg_os_user)" ]]; then
    chown "$(pg_os_user)" "$STATE/postgres"
    runuser -u "$(pg_os_user)" -- test -w "$STATE/postgres" || die "as root, PostgreSQL runs as the user" \
      "'$(pg_os_user)', who cannot reach $STATE (a parent folder is private): set LRMS_STATE_DIR to a folder it can reach"
  fi
  if [[ ! -f "$PG_DATA/PG_VERSION" ]]; then
    echo "  creating the PostgreSQL cluster in $PG_DATA"
    local pwfile="$STATE/postgres/.pw"
    echo "lrms" >"$pwfile"   # LOCAL DEMO ONLY: user lrms / password lrms, listening on 127.0.0.1
    if [[ -n "$(pg_os_user)" ]]; then chown "$(pg_os_user)" "$pwfile"; fi
    as_pg_user "$bin/initdb" -D "$PG_DATA" -U lrms --pwfile="$pwfile" --auth-local=trust \
      --auth-host=scram-sha-256 -E UTF8 --locale=C >"$LOGS/postgres-initdb.log" 2>&1 \
      || die "initdb failed (log: $LOGS/postgres-initdb.log)"
    rm -f "$pwfile"
  fi
  if pg_running; then
    echo "  postgres already running (pid $(head -1 "$PG_DATA/postmaster.pid"))"
  else
    if port_open "$PG_PORT"; then
      die "port $PG_PORT (for postgres) is taken by another process: set LRMS_PG_PORT"
    fi
    echo "  starting postgres on port $PG_PORT (log: $STATE/postgres/server.log)"
    as_pg_user "$bin/pg_ctl" -D "$PG_DATA" -l "$STATE/postgres/server.log" -w -t 60 \
      -o "-p $PG_PORT -c listen_addresses=127.0.0.1 -c unix_socket_directories='' -c max_connections=300 -c shared_buffers=${LRMS_PG_SHARED_BUFFERS:-$(quarter_of_memory)}" \
      start >/dev/null || die "PostgreSQL did not start (log: $STATE/postgres/server.log)"
  fi
  local db
  for db in "${PG_DATABASES[@]}"; do
    if [[ -z "$(PGPASSWORD=lrms "$bin/psql" -h 127.0.0.1 -p "$PG_PORT" -U lrms -d postgres -tAc \
          "SELECT 1 FROM pg_database WHERE datname = '$db'")" ]]; then
      PGPASSWORD=lrms "$bin/psql" -h 127.0.0.1 -p "$PG_PORT" -U lrms -d postgres -qc "CREATE DATABASE $db" >/dev/null
      echo "  created database $db"
    fi
  done
}

# ----------------------------------------------------------------------------------------------------- Kafka
start_kafka() {
  local dir="$STATE/kafka" classpath
  classpath="$(cat "$KAFKA_CLASSPATH_FILE")"
  mkdir -p "$dir/data"
  cat >"$dir/server.properties" <<PROPS
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$KAFKA_CONTROLLER_PORT
listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT,CONTROLLER://127.0.0.1:$KAFKA_CONTROLLER_PORT
advertised.listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
log.dirs=$dir/data
num.partitions=3
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
auto.create.topics.enable=true
PROPS
  warnings_only_log4j2 "$dir/log4j2.properties"
  local jvm=(java -Xms64m -Xmx512m -XX:+UseSerialGC "-Dlog4j2.configurationFile=$dir/log4j2.properties" -cp "$classpath")
  if ! is_running kafka && [[ ! -f "$dir/data/meta.properties" ]]; then
    local cluster_id
    cluster_id="$(new_kafka_cluster_id)"
    "${jvm[@]}" kafka.tools.StorageTool format -t "$cluster_id" -c "$dir/server.properties" \
      >>"$LOGS/kafka.log" 2>&1 || die "formatting the Kafka log folder failed (log: $LOGS/kafka.log)"
  fi
  launch kafka "$KAFKA_PORT" "${jvm[@]}" -Dlrms.component=kafka kafka.Kafka "$dir/server.properties"
}

# -------------------------------------------------------------------------------------------------- Keycloak
# The file of a Maven artifact ($1 group, $2 artifact, $3 version, $4 type): from the local Maven repository, else
# fetched from Maven Central into the state folder ($5, a folder under it).
maven_artifact() {
  local group="$1" artifact="$2" version="$3" type="$4" into="$STATE/$5"
  local repo="${MAVEN_REPO_LOCAL:-$HOME/.m2/repository}"
  local file="$repo/${group//.//}/$artifact/$version/$artifact-$version.$type"
  if [[ ! -f "$file" ]]; then
    echo "  fetching $artifact $version from Maven Central" >&2
    ./mvnw -B -q dependency:copy -Dartifact="$group:$artifact:$version:$type" -DoutputDirectory="$into" >&2
    file="$into/$artifact-$version.$type"
  fi
  echo "$file"
}

keycloak_zip() {
  if [[ -n "${LRMS_KEYCLOAK_ZIP:-}" ]]; then echo "$LRMS_KEYCLOAK_ZIP"; return; fi
  maven_artifact org.keycloak keycloak-quarkus-dist "$KEYCLOAK_VERSION" zip keycloak
}

start_keycloak() {
  local jdk
  jdk="$("$LRMS_ROOT/deploy/local/keycloak-jdk.sh")" \
    || die "Keycloak $KEYCLOAK_VERSION needs a JDK 21+: none found (install one under /usr/lib/jvm or set LRMS_KEYCLOAK_JAVA_HOME)"
  if is_running keycloak; then
    echo "  keycloak already running (pid $(pid_of keycloak))"
    return 0
  fi
  if [[ ! -x "$KEYCLOAK_HOME/bin/kc.sh" ]]; then
    local zip; zip="$(keycloak_zip)"
    echo "  unpacking Keycloak into $STATE/keycloak"
    mkdir -p "$STATE/keycloak"
    unzip -q -o "$zip" -d "$STATE/keycloak"
  fi
  # The realm is imported once (a realm that exists is kept); the portal's redirect URIs follow PORTAL_PORT.
  mkdir -p "$KEYCLOAK_HOME/data/import"
  sed -e "s#http://localhost:8080#http://localhost:$PORTAL_PORT#g" -e "s#http://127.0.0.1:8080#http://127.0.0.1:$PORTAL_PORT#g" \
    "$LRMS_ROOT/deploy/keycloak/district-realm.json" >"$KEYCLOAK_HOME/data/import/district-realm.json"
  # LOCAL DEMO ONLY: the master realm's admin (admin console) is admin / admin.
  JAVA_HOME="$jdk" JAVA_OPTS_KC_HEAP="-Xms64m -Xmx768m" JAVA_OPTS_APPEND="-Dlrms.component=keycloak" \
    KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD=admin \
    launch keycloak "$KEYCLOAK_PORT" bash "$KEYCLOAK_HOME/bin/kc.sh" start-dev --import-realm \
      --http-host=127.0.0.1 --http-port="$KEYCLOAK_PORT" --hostname="$KEYCLOAK_URL" \
      --http-management-port="$KEYCLOAK_MANAGEMENT_PORT"
}

# ---------------------------------------------------------------------------------------------- mail catcher
# Circulation e-mails its notices (overdue, hold available, fines) through SMTP. Locally they go to GreenMail, a
# well-kept test mail server: it takes every message on MAIL_SMTP_PORT, keeps it in memory per recipient, and shows it
# through its API on MAIL_PORT (GET /api/user/<address>/messages/INBOX). Nothing leaves the machine. Its INFO lines
# name each recipient it meets (an e-mail address is personal data), so it logs warnings only.
greenmail_jar() {
  if [[ -n "${LRMS_GREENMAIL_JAR:-}" ]]; then echo "$LRMS_GREENMAIL_JAR"; return; fi
  maven_artifact com.icegreen greenmail-standalone "$GREENMAIL_VERSION" jar mail
}

start_mail() {
  if is_running mail; then
    echo "  mail already running (pid $(pid_of mail))"
    return 0
  fi
  local dir="$STATE/mail" jar
  mkdir -p "$dir"
  jar="$(greenmail_jar)"
  warnings_only_log4j2 "$dir/log4j2.properties"
  if port_open "$MAIL_SMTP_PORT"; then
    die "port $MAIL_SMTP_PORT (for the mail catcher's SMTP) is taken by another process: stop it or set LRMS_MAIL_SMTP_PORT"
  fi
  launch mail "$MAIL_PORT" java -Xms16m -Xmx128m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Dlrms.component=mail \
    "-Dlog4j2.configurationFile=$dir/log4j2.properties" -Dgreenmail.auth.disabled \
    -Dgreenmail.smtp.hostname=127.0.0.1 "-Dgreenmail.smtp.port=$MAIL_SMTP_PORT" \
    -Dgreenmail.api.hostname=127.0.0.1 "-Dgreenmail.api.port=$MAIL_PORT" -jar "$jar"
}

# ------------------------------------------------------------------------------------- services and portal
# Secrets the services take from the environment only: generated once per state folder, LOCAL DEMO ONLY.
SECRETS="$STATE/local-secrets.env"
(umask 077; touch "$SECRETS")
for secret in CIRCULATION_PATRON_KEY_SECRET REPORTING_BORROWER_KEY_SECRET; do
  grep -q "^$secret=" "$SECRETS" || echo "$secret=$(head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n')" >>"$SECRETS"
done
while IFS='=' read -r name value; do
  if [[ -n "$name" && -z "${!name:-}" ]]; then export "$name=$value"; fi   # what the caller set wins
done <"$SECRETS"

start_service() {
  local svc="$1" upper opts="$JAVA_OPTS"; upper="$(tr '[:lower:]' '[:upper:]' <<<"$svc")"
  if [[ "$svc" == catalog ]]; then opts="$CATALOG_JAVA_OPTS"; fi
  # shellcheck disable=SC2086 # the options are a list
  launch "$svc" "${SERVICE_PORT[$svc]}" env "${upper}_PORT=${SERVICE_PORT[$svc]}" \
    "${upper}_DB_URL=jdbc:postgresql://127.0.0.1:$PG_PORT/$svc" \
    "${upper}_DB_REACTIVE_URL=postgresql://127.0.0.1:$PG_PORT/$svc" \
    KAFKA_BOOTSTRAP_SERVERS="127.0.0.1:$KAFKA_PORT" \
    OIDC_AUTH_SERVER_URL="$REALM_URL" \
    CIRCULATION_SMTP_HOST=127.0.0.1 CIRCULATION_SMTP_PORT="$MAIL_SMTP_PORT" \
    LRMS_HTTP_HOST="${LRMS_HTTP_HOST:-127.0.0.1}" \
    LRMS_JSON_LOGS="${LRMS_JSON_LOGS:-false}" \
    java $opts "-Dlrms.component=$svc" \
      -jar "$LRMS_ROOT/$svc-service/target/quarkus-app/quarkus-run.jar"
}

start_portal() {
  # shellcheck disable=SC2086
  launch portal "$PORTAL_PORT" env PORTAL_PORT="$PORTAL_PORT" \
    CATALOG_URL="http://localhost:${SERVICE_PORT[catalog]}" \
    CIRCULATION_URL="http://localhost:${SERVICE_PORT[circulation]}" \
    TEXTBOOK_URL="http://localhost:${SERVICE_PORT[textbook]}" \
    ACQUISITIONS_URL="http://localhost:${SERVICE_PORT[acquisitions]}" \
    REPORTING_URL="http://localhost:${SERVICE_PORT[reporting]}" \
    OIDC_AUTH_SERVER_URL="$REALM_URL" \
    LRMS_HTTP_HOST="${LRMS_HTTP_HOST:-127.0.0.1}" \
    LRMS_JSON_LOGS="${LRMS_JSON_LOGS:-false}" \
    java $JAVA_OPTS -Dlrms.component=portal \
      -jar "$LRMS_ROOT/portal/target/quarkus-app/quarkus-run.jar"
}

# The services start while Keycloak boots (it takes the longest): a service that finds no realm at start connects to it
# in the background and is ready only once it has the realm's keys (lrms-kit's SignOnConnection).
# Keycloak's distribution and the mail catcher fetched first (the first run only): neither the build nor a download
# counts against the start's own time.
[[ -x "$KEYCLOAK_HOME/bin/kc.sh" ]] || keycloak_zip >/dev/null
greenmail_jar >/dev/null
say "Starting the local stack (state: $STATE)"
DEADLINE=$((SECONDS + START_TIMEOUT))
start_postgres
start_kafka
start_keycloak
start_mail
until port_open "$KAFKA_PORT"; do
  is_running kafka || { tail -n 40 "$LOGS/kafka.log" >&2; die "Kafka stopped while starting (log: $LOGS/kafka.log)"; }
  ((SECONDS < DEADLINE)) || die "Kafka not listening on $KAFKA_PORT within ${START_TIMEOUT}s"
  sleep 0.5
done
for svc in "${SERVICES[@]}"; do start_service "$svc"; done
start_portal

say "Waiting for every component to be ready"
await_http keycloak "$REALM_URL/.well-known/openid-configuration"
echo "  keycloak ready"
for svc in "${SERVICES[@]}"; do
  await_http "$svc" "http://localhost:${SERVICE_PORT[$svc]}/q/health/ready"
  echo "  $svc ready"
done
await_http mail "http://localhost:$MAIL_PORT/api/service/readiness"
echo "  mail catcher ready"
await_http portal "http://localhost:$PORTAL_PORT/q/health/ready"
echo "  portal ready (after ${SECONDS}s)"

# ------------------------------------------------------------------------------------------ demo district
token_for() {  # $1 = user: prints an access token from the lrms-cli client (password grant)
  curl -fs --max-time 10 -d grant_type=password -d client_id=lrms-cli -d "username=$1" -d "password=$LOCAL_PASSWORD" \
    "$REALM_URL/protocol/openid-connect/token" | sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p'
}

if [[ "${LRMS_SEED:-1}" != "0" ]]; then
  say "Seeding the demo district"
  TOKEN="$(token_for district.admin)" || true
  if [[ -z "$TOKEN" ]]; then
    echo "  seed: could not get a token for district.admin from Keycloak: seeding skipped (run run.sh again)"
  else
    LRMS_SEED_TOKEN="$TOKEN" "$LRMS_ROOT/deploy/local/seed.sh" \
      || echo "  seed: some steps failed (see above); the stack is up; run.sh again retries the missing steps"
  fi
fi

# ------------------------------------------------------------------------------------------------- summary
cat <<SUMMARY

LRMS is running (state, logs and pid files in $STATE; stop it with ./deploy/local/stop.sh)

  portal        http://localhost:$PORTAL_PORT
  catalog       http://localhost:${SERVICE_PORT[catalog]}/q/swagger-ui
  circulation   http://localhost:${SERVICE_PORT[circulation]}/q/swagger-ui
  textbook      http://localhost:${SERVICE_PORT[textbook]}/q/swagger-ui
  acquisitions  http://localhost:${SERVICE_PORT[acquisitions]}/q/swagger-ui
  reporting     http://localhost:${SERVICE_PORT[reporting]}/q/swagger-ui
  keycloak      $KEYCLOAK_URL/admin  (master realm admin: admin / admin, local only)
  kafka         127.0.0.1:$KAFKA_PORT      postgres  127.0.0.1:$PG_PORT (lrms / lrms, local only)
  mail catcher  SMTP 127.0.0.1:$MAIL_SMTP_PORT; what circulation e-mails (notices): http://localhost:$MAIL_PORT/api/user/<address>/messages/INBOX

  Demo logins (realm district, password $LOCAL_PASSWORD, local only):
    district.admin  district-admin (every site)
    tech.lhs        site-staff at LHS     tech.rms  site-staff at RMS     tech.ges  site-staff at GES
    teacher.lee     teacher at LHS        student.demo  student at LHS
  Integration client: lrms-sis / lrms-sis-local-only-secret (client credentials, role integration)

  Try it (a token for district.admin, then create a title):
TOKEN=\$(curl -s -d grant_type=password -d client_id=lrms-cli -d username=district.admin -d password=$LOCAL_PASSWORD $REALM_URL/protocol/openid-connect/token | sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p'); curl -s -H "Authorization: Bearer \$TOKEN" -H 'Content-Type: application/json' -d '{"title":"The Wind in the Willows","authors":["Kenneth Grahame"]}' http://localhost:${SERVICE_PORT[catalog]}/api/v1/titles; echo
SUMMARY
