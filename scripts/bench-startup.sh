#!/usr/bin/env bash
# Measures start-to-ready on SQLite: seconds from launching the portal until /health/ready
# answers 200, first on an empty data folder (create, migrate, seed) and then on the
# existing database (warm). Release build, loopback only, bounded to 120 s per start.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
pid=""
port=${PALOPO_BENCH_PORT:-5089}
data=$(mktemp -d)
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -rf "$data"' EXIT
dotnet build src/Palopo.Portal.Web -c Release -v q -nologo >/dev/null
dll="$root/src/Palopo.Portal.Web/bin/Release/net10.0/Palopo.Portal.Web.dll"

measure() {
  local start end
  start=$(date +%s.%N)
  ASPNETCORE_ENVIRONMENT=Development Storage__DataPath="$data" Serilog__MinimumLevel__Default=Warning \
    dotnet "$dll" --urls "http://127.0.0.1:$port" --contentRoot "$root/src/Palopo.Portal.Web" >/dev/null 2>&1 &
  pid=$!
  for _ in $(seq 1 1200); do
    if curl -fs -o /dev/null "http://127.0.0.1:$port/health/ready"; then
      end=$(date +%s.%N)
      kill "$pid"; wait "$pid" 2>/dev/null || true
      echo "$start $end" | awk '{printf "%.2f", $2 - $1}'
      return
    fi
    sleep 0.1
  done
  echo "timeout"; kill "$pid"; return 1
}

cold=$(measure)
warm=$(measure)
printf '%-40s %s s\n' "cold start (new database) to ready" "$cold" "warm start (existing database) to ready" "$warm"
