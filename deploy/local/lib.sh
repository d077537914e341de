# Shared by run.sh and stop.sh: where the local stack keeps its state, its ports, and how it tracks its processes.
# shellcheck shell=bash

LRMS_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
STATE="${LRMS_STATE_DIR:-$LRMS_ROOT/.lrms}"
mkdir -p "$STATE"
STATE="$(cd "$STATE" && pwd)"
PIDS="$STATE/pids"
LOGS="$STATE/logs"

PG_PORT="${LRMS_PG_PORT:-5432}"
KAFKA_PORT="${LRMS_KAFKA_PORT:-9092}"
KAFKA_CONTROLLER_PORT="${LRMS_KAFKA_CONTROLLER_PORT:-9093}"
KEYCLOAK_PORT="${LRMS_KEYCLOAK_PORT:-8180}"
KEYCLOAK_MANAGEMENT_PORT="${LRMS_KEYCLOAK_MANAGEMENT_PORT:-9000}"
PORTAL_PORT="${PORTAL_PORT:-8080}"
MAIL_SMTP_PORT="${LRMS_MAIL_SMTP_PORT:-1025}"
MAIL_PORT="${LRMS_MAIL_PORT:-8025}"
SERVICES=(catalog circulation textbook acquisitions reporting)
declare -A SERVICE_PORT=(
  [catalog]="${CATALOG_PORT:-8081}"
  [circulation]="${CIRCULATION_PORT:-8082}"
  [textbook]="${TEXTBOOK_PORT:-8083}"
  [acquisitions]="${ACQUISITIONS_PORT:-8084}"
  [reporting]="${REPORTING_PORT:-8085}"
)

KEYCLOAK_VERSION="26.4.7"
GREENMAIL_VERSION="2.1.8"
KEYCLOAK_HOME="$STATE/keycloak/keycloak-$KEYCLOAK_VERSION"
KEYCLOAK_URL="http://localhost:$KEYCLOAK_PORT"
REALM_URL="$KEYCLOAK_URL/realms/district"

PG_DATA="$STATE/postgres/data"
PG_DATABASES=(catalog circulation textbook acquisitions reporting)

is_root() { [[ "$(id -u)" -eq 0 ]]; }

# PostgreSQL refuses to run as root: as root, its server runs as LRMS_PG_USER (default postgres).
pg_os_user() { if is_root; then echo "${LRMS_PG_USER:-postgres}"; fi; }
as_pg_user() {
  local user; user="$(pg_os_user)"
  if [[ -n "$user" ]]; then runuser -u "$user" -- "$@"; else "$@"; fi
}

# A quarter of the machine's memory (at least 128MB), for PostgreSQL's shared_buffers: with a district's data (about
# 6 GB) a desk's copy, patron and loan rows are then mostly in PostgreSQL's own buffers (bench/README.md).
quarter_of_memory() {
  local kb
  kb="$(awk '/^MemTotal:/ {print $2}' /proc/meminfo 2>/dev/null || true)"
  local mb=$(( ${kb:-0} / 4096 ))
  (( mb >= 128 )) || mb=128
  echo "${mb}MB"
}

# A new KRaft cluster id: 16 random bytes in URL-safe base64, as Kafka writes them. Kafka's own never starts with '-'
# (its tools would read such an id as an option and refuse to format the log folder), and neither does ours.
new_kafka_cluster_id() {
  local id=""
  while [[ -z "$id" || "$id" == -* ]]; do
    id="$(head -c 16 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=')"
  done
  echo "$id"
}

pg_bin() {
  if [[ -n "${LRMS_PG_BIN:-}" ]]; then echo "$LRMS_PG_BIN"; return; fi
  local newest
  newest=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -t/ -k4 -n | tail -1)
  if [[ -n "$newest" ]]; then echo "$newest"; return; fi
  dirname "$(command -v pg_ctl)"
}

# The text a process of component $1 shows in its command line (guards against a recycled pid).
marker() {
  case "$1" in
    keycloak) echo "$KEYCLOAK_HOME" ;;
    *) echo "-Dlrms.component=$1" ;;
  esac
}

pid_of() { [[ -f "$PIDS/$1.pid" ]] && cat "$PIDS/$1.pid"; }

is_running() {  # $1 = component
  local pid; pid="$(pid_of "$1")" || return 1
  [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null || return 1
  if [[ -r "/proc/$pid/cmdline" ]]; then
    tr '\0' ' ' < "/proc/$pid/cmdline" | grep -qF -- "$(marker "$1")"
  fi
}

pg_running() {
  [[ -f "$PG_DATA/postmaster.pid" ]] && as_pg_user "$(pg_bin)/pg_ctl" -D "$PG_DATA" status >/dev/null 2>&1
}

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# Ends components (their process groups: kc.sh forwards to its JVM): asks them all to stop at once, waits up to
# $1 seconds for each, then kills what is left. The rest of the arguments are the components.
stop_components() {
  local wait="$1" name pid target
  shift
  local -A pids=() targets=()
  for name in "$@"; do
    if ! is_running "$name"; then
      rm -f "$PIDS/$name.pid"
      continue
    fi
    pid="$(pid_of "$name")"
    target="$pid"
    if [[ "$(ps -o pgid= -p "$pid" 2>/dev/null | tr -d ' ')" == "$pid" ]]; then target="-$pid"; fi
    pids[$name]="$pid"
    targets[$name]="$target"
    kill -TERM -- "$target" 2>/dev/null || true
  done
  local deadline=$((SECONDS + wait))
  for name in "${!pids[@]}"; do
    pid="${pids[$name]}"
    while kill -0 "$pid" 2>/dev/null && ((SECONDS < deadline)); do sleep 0.2; done
    if kill -0 "$pid" 2>/dev/null; then
      echo "  $name did not stop within ${wait}s: killing it"
      kill -KILL -- "${targets[$name]}" 2>/dev/null || true
    fi
    rm -f "$PIDS/$name.pid"
    echo "  stopped $name (pid $pid)"
  done
}
