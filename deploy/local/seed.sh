#!/usr/bin/env bash
# Seeds the demo district through the services' REST APIs, with data generated here (no file is copied in):
# the district and its three schools, some titles with copies at each school, some patrons, a desk supervisor.
# Each step runs once (a marker under $STATE/seed/); a failed step is reported, the others go on, and the next
# run of run.sh (or of this script) retries what is missing. Needs LRMS_SEED_TOKEN: a district-admin access token.
set -uo pipefail
source "$(dirname "$0")/lib.sh"

TOKEN="${LRMS_SEED_TOKEN:?a district-admin access token}"
SEED="$STATE/seed"
mkdir -p "$SEED"
CATALOG="http://localhost:${SERVICE_PORT[catalog]}/api/v1"
CIRCULATION="http://localhost:${SERVICE_PORT[circulation]}/api/v1"
failed=()

# POSTs JSON $2 to $1; prints "<status> <body>"
post() {
  curl -s --max-time 15 -o "$SEED/.body" -w '%{http_code}' -X POST -H "Authorization: Bearer $TOKEN" \
    -H 'Content-Type: application/json' -d "$2" "$1"
  printf ' %s' "$(tr -d '\n' <"$SEED/.body" 2>/dev/null | head -c 400)"
}
ok_or_exists() { [[ "$1" == 2* || "$1" == 409 ]]; }

# ISBN-13 with its check digit, from 12 digits
isbn13() {
  local digits="$1" sum=0 i
  for ((i = 0; i < 12; i++)); do
    sum=$((sum + ${digits:i:1} * (i % 2 == 0 ? 1 : 3)))
  done
  echo "$digits$(((10 - sum % 10) % 10))"
}

SITES=("DISTRICT|Lincoln County School District|DISTRICT" "LHS|Lincoln High|HIGH" "RMS|Roosevelt Middle|MIDDLE"
       "GES|Garfield Elementary|ELEMENTARY")
SCHOOLS=(LHS RMS GES)
# title | author | year  (public-domain classics)
TITLES=(
  "Adventures of Huckleberry Finn|Mark Twain|1884"
  "Pride and Prejudice|Jane Austen|1813"
  "The Call of the Wild|Jack London|1903"
  "Little Women|Louisa May Alcott|1868"
  "The Secret Garden|Frances Hodgson Burnett|1911"
  "Treasure Island|Robert Louis Stevenson|1883"
  "Anne of Green Gables|L. M. Montgomery|1908"
  "The Wonderful Wizard of Oz|L. Frank Baum|1900"
  "Frankenstein|Mary Shelley|1818"
  "The Time Machine|H. G. Wells|1895"
  "Alice's Adventures in Wonderland|Lewis Carroll|1865"
  "Black Beauty|Anna Sewell|1877"
)
FIRST=(Avery Jordan Riley Casey Morgan Quinn Rowan Harper Emerson Skyler Dakota Reese)
LAST=(Alvarez Brooks Chen Diaz Evans Foster Garcia Hughes Ito Jensen Kim Lopez)

step_sites() {
  local entry code name type answer
  for entry in "${SITES[@]}"; do
    IFS='|' read -r code name type <<<"$entry"
    answer="$(post "$CIRCULATION/sites" "{\"code\":\"$code\",\"name\":\"$name\",\"siteType\":\"$type\"}")"
    ok_or_exists "${answer%% *}" || { echo "    site $code: HTTP $answer"; return 1; }
  done
  echo "  sites: DISTRICT, LHS (Lincoln High), RMS (Roosevelt Middle), GES (Garfield Elementary)"
}

step_titles() {
  local i title author year answer id
  touch "$SEED/title-ids"
  for i in "${!TITLES[@]}"; do
    grep -q "^$i " "$SEED/title-ids" && continue   # created by an earlier, interrupted run
    IFS='|' read -r title author year <<<"${TITLES[$i]}"
    answer="$(post "$CATALOG/titles" "{\"title\":\"$title\",\"authors\":[\"$author\"],\"publicationYear\":$year,\"isbns\":[\"$(isbn13 "9780000000$(printf %02d "$i")")\"]}")"
    if [[ "${answer%% *}" == 201 ]]; then
      id="$(grep -o '"id":"[0-9a-fA-F-]*"' <<<"${answer#* }" | head -1 | cut -d'"' -f4)"
    elif [[ "${answer%% *}" == 409 ]]; then
      # created by a run interrupted before it wrote the id down: the catalog names the title with that ISBN
      id="$(grep -o '"existingTitleId":"[0-9a-fA-F-]*"' <<<"${answer#* }" | head -1 | cut -d'"' -f4)"
    else
      echo "    title '$title': HTTP $answer"; return 1
    fi
    [[ -n "$id" ]] || { echo "    title '$title': no id in the answer"; return 1; }
    echo "$i $id" >>"$SEED/title-ids"
  done
  echo "  titles: ${#TITLES[@]}"
}

step_copies() {
  [[ -f "$SEED/sites.done" ]] || { echo "    copies need the sites: not seeded yet"; return 1; }
  [[ -f "$SEED/titles.done" ]] || { echo "    copies need the titles: not seeded yet"; return 1; }
  local n=0 t=0 s id site barcode answer deadline
  # The catalog learns the sites from circulation's events: give it a moment.
  deadline=$((SECONDS + 60))
  while read -r t id; do
    t=$((t + 1))
    for s in "${!SCHOOLS[@]}"; do
      site="${SCHOOLS[$s]}"
      # every school holds every other title; Lincoln High holds them all
      ((s == 0 || (t + s) % 2 == 0)) || continue
      barcode="3$((s + 1))$(printf %03d "$t")0001"
      while true; do
        answer="$(post "$CATALOG/titles/$id/copies" "{\"siteCode\":\"$site\",\"barcode\":\"$barcode\"}")"
        ok_or_exists "${answer%% *}" && break
        if ((SECONDS >= deadline)); then echo "    copy $barcode at $site: HTTP $answer"; return 1; fi
        sleep 2
      done
      n=$((n + 1))
    done
  done <"$SEED/title-ids"
  echo "  copies: $n at LHS, RMS, GES"
}

step_patrons() {
  [[ -f "$SEED/sites.done" ]] || { echo "    patrons need the sites: not seeded yet"; return 1; }
  local s i site grade barcode answer first last email language n=0
  local grades=(9 7 3)
  for s in "${!SCHOOLS[@]}"; do
    site="${SCHOOLS[$s]}"
    for ((i = 0; i < 4; i++)); do
      barcode="2$((s + 1))$(printf %05d $((i + 1)))"
      first="${FIRST[$((s * 4 + i))]}" last="${LAST[$((s * 4 + i))]}"
      # an address at the district's (made-up) domain: notices go to the stack's mail catcher; every other one in Spanish
      email="$(tr '[:upper:]' '[:lower:]' <<<"$first.$last")@students.example"
      language="$( ((i % 2)) && echo es || echo en)"
      answer="$(post "$CIRCULATION/patrons" "{\"barcode\":\"$barcode\",\"firstName\":\"$first\",\"lastName\":\"$last\",\"patronType\":\"STUDENT\",\"homeSite\":\"$site\",\"grade\":\"${grades[$s]}\",\"email\":\"$email\",\"language\":\"$language\"}")"
      ok_or_exists "${answer%% *}" || { echo "    patron $barcode at $site: HTTP $answer"; return 1; }
      n=$((n + 1))
    done
  done
  answer="$(post "$CIRCULATION/patrons" '{"barcode":"2900001","firstName":"Lee","lastName":"Park","patronType":"TEACHER","homeSite":"LHS"}')"
  ok_or_exists "${answer%% *}" || { echo "    teacher patron at LHS: HTTP $answer"; return 1; }
  echo "  patrons: $n students at LHS, RMS, GES (with e-mail addresses, half of them reading Spanish) and a teacher at LHS"
}

# The demo supervisor: tech.lhs may override a check-out refusal and waive fees at Lincoln High (district data in
# circulation, not a realm role); tech.rms and tech.ges may not, so the demo shows both desks.
step_permissions() {
  [[ -f "$SEED/sites.done" ]] || { echo "    permissions need the sites: not seeded yet"; return 1; }
  local permission answer
  for permission in override-refusal waive-fees; do
    answer="$(post "$CIRCULATION/staff-permissions" "{\"username\":\"tech.lhs\",\"siteCode\":\"LHS\",\"permission\":\"$permission\"}")"
    [[ "${answer%% *}" == 2* ]] || { echo "    permission $permission of tech.lhs at LHS: HTTP $answer"; return 1; }
  done
  echo "  desk permissions: tech.lhs supervises at LHS (override-refusal, waive-fees)"
}

for step in sites titles copies patrons permissions; do
  if [[ -f "$SEED/$step.done" ]]; then
    continue
  fi
  if "step_$step"; then
    touch "$SEED/$step.done"
  else
    echo "  seed step '$step' FAILED (the service may not offer it yet)"
    failed+=("$step")
  fi
done
rm -f "$SEED/.body"
if ((${#failed[@]})); then
  exit 1
fi
echo "  demo district seeded"
