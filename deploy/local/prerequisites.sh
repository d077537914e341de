#!/usr/bin/env bash
# Makes sure this machine has what the local stack and the tests start: a JDK 17+ (the suite), PostgreSQL 15+
# server binaries (one local cluster, or an ephemeral one per test run), a JDK 21+ for Keycloak, curl and unzip;
# in CI also Chromium and its driver (the end-to-end test drives the portal in it).
# Idempotent and quick when everything is there; installs what is missing with apt-get when run as root on
# Debian/Ubuntu, otherwise says exactly what to install. Called by .ci/run and by run.sh.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"

missing=()        # Debian packages to install
problems=()       # what we cannot fix here

have_pg_binaries() {
  [[ -n "${LRMS_PG_BIN:-}" && -x "${LRMS_PG_BIN}/initdb" ]] && return 0
  compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null && return 0
  command -v initdb >/dev/null 2>&1
}

java_feature() {
  java -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = \([0-9]*\).*/\1/p'
}

command -v curl >/dev/null 2>&1 || missing+=(curl)
command -v unzip >/dev/null 2>&1 || missing+=(unzip)
if ! command -v java >/dev/null 2>&1 || [[ "$(java_feature)" -lt 17 ]]; then
  missing+=(openjdk-17-jdk-headless)
fi
pg_missing=false
if ! have_pg_binaries; then
  pg_missing=true
  missing+=(postgresql)
fi

is_root() { [[ "$(id -u)" -eq 0 ]]; }
can_apt() { command -v apt-get >/dev/null 2>&1; }

if ((${#missing[@]})); then
  if is_root && can_apt; then
    echo "prerequisites: installing ${missing[*]}"
    if $pg_missing; then
      # LRMS runs its own clusters: keep the package from creating and starting one on port 5432
      mkdir -p /etc/postgresql-common/createcluster.d
      echo "create_main_cluster = false" > /etc/postgresql-common/createcluster.d/lrms-no-main-cluster.conf
    fi
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    problems+=("missing: ${missing[*]} (Debian/Ubuntu: sudo apt-get install ${missing[*]})")
  fi
fi

# Keycloak 26 needs JDK 21+; Debian 12 offers none, newer Debian/Ubuntu offer openjdk-21 or -25.
if ! "$here/keycloak-jdk.sh" >/dev/null; then
  candidate=""
  if can_apt; then
    for pkg in openjdk-25-jdk-headless openjdk-21-jdk-headless; do
      if apt-cache policy "$pkg" 2>/dev/null | grep -q 'Candidate: [0-9]'; then candidate=$pkg; break; fi
    done
    if [[ -z "$candidate" ]] && is_root; then
      apt-get update -qq || true
      for pkg in openjdk-25-jdk-headless openjdk-21-jdk-headless; do
        if apt-cache policy "$pkg" 2>/dev/null | grep -q 'Candidate: [0-9]'; then candidate=$pkg; break; fi
      done
    fi
  fi
  if [[ -n "$candidate" ]] && is_root; then
    echo "prerequisites: installing $candidate (Keycloak needs JDK 21+)"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$candidate" >/dev/null
  else
    echo "prerequisites: WARNING no JDK 21+ found: Keycloak 26 needs one to run the local stack and the" \
         "end-to-end test (which then skips). Install one (e.g. Eclipse Temurin 21 or 25 under /usr/lib/jvm," \
         "${candidate:+or: sudo apt-get install $candidate,} or set LRMS_KEYCLOAK_JAVA_HOME)." >&2
  fi
fi

# The end-to-end test drives the portal's desk in the machine's own headless Chromium (skipped without it). CI
# installs it; elsewhere a note says how, since a browser is not something to install behind someone's back.
if ! command -v chromedriver >/dev/null 2>&1 || ! command -v chromium >/dev/null 2>&1; then
  if [[ -n "${CI:-}" ]] && is_root && can_apt; then
    echo "prerequisites: installing chromium chromium-driver (the end-to-end test of the portal's desk)"
    apt-get update -qq || true
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium chromium-driver >/dev/null \
      || echo "prerequisites: WARNING chromium could not be installed: the desk's browser test will skip" >&2
  else
    echo "prerequisites: note: no chromium/chromedriver, so the end-to-end test will not drive the portal's desk in" \
         "a browser (Debian/Ubuntu: sudo apt-get install chromium chromium-driver)" >&2
  fi
fi

if ((${#problems[@]})); then
  printf 'prerequisites: %s\n' "${problems[@]}" >&2
  exit 1
fi
