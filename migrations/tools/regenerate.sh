#!/usr/bin/env bash
# Regenerates the schema SQL of migrations/ from the code: against a fresh, empty private PostgreSQL cluster,
# the app's own `db-patch` writes the whole schema of Marten (event store, documents) and of Wolverine
# (durable messages). Run it after a change to the schema and commit the result; the test
# `the_migrations.match_the_schema_the_code_expects_and_production_runs_on_them` fails until you do.
# Usage: migrations/tools/regenerate.sh   (rewrites 0001_marten.sql and 0002_wolverine.sql from nothing: only for a new
# baseline. A change to a released schema gets a numbered file of its own instead: build a database from the files
# there are, then run `db-patch` against it, as 0003_marten.sql was made)
set -euo pipefail
cd "$(dirname "$0")/../.."
scratch=$(mktemp -d)
chmod 755 "$scratch"
trap 'rm -rf "$scratch"' EXIT
export TreatyTracker__LocalPostgresDirectory="$scratch/postgres"
unset ConnectionStrings__Marten
dotnet build src/TreatyTracker -v q -nologo
run() { dotnet run --no-build --project src/TreatyTracker -- "$@" >/dev/null; }
run db-patch "$scratch/marten.sql" -d marten://store/
run db-patch "$scratch/wolverine.sql" -d wolverine://messages/main
cp "$scratch/marten.sql" migrations/0001_marten.sql
cp "$scratch/marten.drop.sql" migrations/rollback/0001_marten.drop.sql
cp "$scratch/wolverine.sql" migrations/0002_wolverine.sql
cp "$scratch/wolverine.drop.sql" migrations/rollback/0002_wolverine.drop.sql
echo "migrations/ regenerated:"; ls -l migrations migrations/rollback
