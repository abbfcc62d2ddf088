#!/usr/bin/env bash
# Adds a migration with the same name to all three providers' migration projects.
# Usage: scripts/add-migration.sh NAME
set -euo pipefail
name=${1:?usage: scripts/add-migration.sh NAME}
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
for p in Sqlite PostgreSql SqlServer; do dotnet build "src/Palopo.Portal.Migrations.$p" -v q -nologo >/dev/null; done
for provider in Sqlite PostgreSql SqlServer; do
  echo "== $provider"
  dotnet ef migrations add "$name" \
    --project "src/Palopo.Portal.Migrations.$provider" \
    --startup-project "src/Palopo.Portal.Migrations.$provider" \
    --output-dir Migrations --no-build -- --provider "$provider"
done
