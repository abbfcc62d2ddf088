#!/usr/bin/env bash
# Creates (or tops up) a SQLite portal database for benchmarks: migrations, seed data and demo
# accounts as in Development, then COUNT submitted service requests across every agency and service.
# Usage: scripts/seed-requests.sh DATA_DIR COUNT   (the app then runs with Storage__DataPath=DATA_DIR)
set -euo pipefail
if [ $# -lt 2 ]; then echo "usage: $0 DATA_DIR COUNT" >&2; exit 2; fi
cd "$(dirname "$0")/.."
dotnet build tools/Palopo.Portal.SeedGenerator -c Release -v q -nologo >/dev/null
dotnet tools/Palopo.Portal.SeedGenerator/bin/Release/net10.0/Palopo.Portal.SeedGenerator.dll "$1" "$2" 2>&1 \
  | grep -v -e "No XML encryptor configured" -e "XmlKeyManager"
exit "${PIPESTATUS[0]}"
