#!/usr/bin/env bash
# Prints the home of a JDK 21 or newer (Keycloak 26 needs one; the suite itself runs on 17), or exits 1.
# Looks at LRMS_KEYCLOAK_JAVA_HOME, JAVA_HOME, the java on the PATH, then /usr/lib/jvm/* and /opt/java/*.
set -uo pipefail

feature_version() {  # $1 = a JDK home; prints its feature version (17, 21, 25, ...) or nothing
  local release="$1/release" version
  [[ -x "$1/bin/java" ]] || return 1
  if [[ -r "$release" ]]; then
    version=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$release")
  else
    version=$("$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = \([0-9]*\).*/\1/p')
  fi
  [[ -n "$version" ]] && echo "$version"
}

candidates=()
[[ -n "${LRMS_KEYCLOAK_JAVA_HOME:-}" ]] && candidates+=("$LRMS_KEYCLOAK_JAVA_HOME")
[[ -n "${JAVA_HOME:-}" ]] && candidates+=("$JAVA_HOME")
if command -v java >/dev/null 2>&1; then
  candidates+=("$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")")
fi
for dir in /usr/lib/jvm/* /opt/java/* /opt/jdk*; do
  [[ -d "$dir" && ! -L "$dir" ]] && candidates+=("$dir")
done

best="" best_version=0
for home in "${candidates[@]}"; do
  version=$(feature_version "$home") || continue
  if [[ -n "$version" && "$version" -ge 21 && "$version" -gt "$best_version" ]]; then
    best="$home" best_version="$version"
  fi
  # an explicit choice wins when it qualifies
  if [[ -n "${LRMS_KEYCLOAK_JAVA_HOME:-}" && "$home" == "$LRMS_KEYCLOAK_JAVA_HOME" && -n "$best" ]]; then
    break
  fi
done
[[ -n "$best" ]] || exit 1
echo "$best"
