#!/usr/bin/env bash
# Ends what run.sh started, by the pid files under the state folder (and PostgreSQL by its postmaster.pid):
# nothing else is touched. Data stays; run.sh starts it all again. LRMS_STATE_DIR as for run.sh.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

echo "Stopping the LRMS local stack (state: $STATE)"
# Clients before what they use: the portal and services, then Keycloak, Kafka and the mail catcher, then PostgreSQL.
stop_components 90 portal "${SERVICES[@]}"
stop_components 60 keycloak
stop_components 60 kafka mail
if pg_running; then
  as_pg_user "$(pg_bin)/pg_ctl" -D "$PG_DATA" -m fast -w -t 60 stop >/dev/null
  echo "  stopped postgres"
fi
