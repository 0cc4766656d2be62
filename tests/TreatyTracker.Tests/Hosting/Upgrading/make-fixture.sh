#!/usr/bin/env bash
# Makes first-release.sql: the data a database holds after the first release (commit feb15df) ran on it in
# Production, on a schema built from that release's migrations/, seeded on start, with one treaty more recorded
# over HTTP (a notice that takes effect in 2036, so its reminder is still scheduled; a retraction; a correction).
# Needs that commit, its build, and a PostgreSQL reachable through PGHOST, PGPORT, PGUSER and PGPASSWORD.
#   make-fixture.sh [COMMIT]
set -euo pipefail
commit=${1:-feb15df}
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'git -C "$here" worktree remove --force "$work/release" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT

git -C "$here" worktree add --detach "$work/release" "$commit" >/dev/null
dotnet build "$work/release/src/TreatyTracker" -c Release >/dev/null

db=treatytracker_first_release
dropdb --if-exists "$db" && createdb "$db"
for file in "$work"/release/migrations/0*.sql; do psql -q -v ON_ERROR_STOP=1 -d "$db" -f "$file" >/dev/null; done

export ConnectionStrings__Marten="Host=$PGHOST;Port=$PGPORT;Username=$PGUSER;Password=$PGPASSWORD;Database=$db"
export ASPNETCORE_ENVIRONMENT=Production
server="$work/release/src/TreatyTracker/bin/Release/net10.0/TreatyTracker.dll"
(cd "$work/release/src/TreatyTracker" && dotnet "$server" --urls http://127.0.0.1:5199 >"$work/server.log" 2>&1) &
until curl -sf http://127.0.0.1:5199/health >/dev/null; do sleep 1; done
key=$(cd "$work/release/src/TreatyTracker" && dotnet "$server" keys create fixture --role editor | grep -o 'tt_[A-Za-z0-9_-]*' | tail -1)

post() { curl -sf -H "Authorization: Bearer $key" -H 'Content-Type: application/json' -d "$2" "http://127.0.0.1:5199$1"; }
post /api/treaties '{"id":"upgrade-check","name":"A treaty recorded by the first release","shortName":"Upgrade check","kind":"bilateral","withdrawalNoticePeriod":"P10Y"}' >/dev/null
post /api/treaties/upgrade-check/events '{"type":"signed","on":"2020-03-01","parties":["United States","Russia"],"summary":"Signed."}' >/dev/null
post /api/treaties/upgrade-check/events '{"type":"entered-into-force","on":"2021-03-01","summary":"In force."}' >/dev/null
wrong=$(post /api/treaties/upgrade-check/events '{"type":"violation-alleged","on":"2022-05-01","accuser":"Russia","accused":"United States","summary":"Recorded in error."}' | sed 's/.*"eventId":"\([^"]*\)".*/\1/')
post "/api/treaties/upgrade-check/events/$wrong/retraction" '{"reason":"Recorded against the wrong treaty."}' >/dev/null
dated=$(post /api/treaties/upgrade-check/events '{"type":"statement","on":"2023-01-10","by":"Russia","summary":"A statement dated a day late."}' | sed 's/.*"eventId":"\([^"]*\)".*/\1/')
post "/api/treaties/upgrade-check/events/$dated/correction" '{"reason":"Wrong day.","event":{"type":"statement","on":"2023-01-09","by":"Russia","summary":"A statement."}}' >/dev/null
post /api/treaties/upgrade-check/events '{"type":"withdrawal-notice-given","on":"2026-11-20","party":"United States","summary":"Notice of withdrawal, effective in ten years."}' >/dev/null

kill %1; wait || true
pg_dump --data-only --inserts --no-owner --no-privileges -d "$db" | grep -v '^\\\(un\)\?restrict ' >"$here/first-release.sql"
dropdb "$db"
echo "wrote $here/first-release.sql"
