#!/usr/bin/env bash
# SQL-injection scan of the portal's public inputs with sqlmap, on this machine only.
#
#  1. installs sqlmap through apt if it is missing (Debian package "sqlmap"; needs root);
#  2. builds and starts the portal on 127.0.0.1 and a free port (Development environment, SQLite in
#     a temporary folder, rate limits raised so the scan is not throttled);
#  3. runs `sqlmap --batch --level 2 --risk 1`, bounded in time per target, against:
#     - GET  /layanan?q=            catalogue search
#     - POST /lacak                 tracking (an antiforgery cookie + token fetched first, passed as --cookie/--data)
#     - GET  /verifikasi?kode=      document verification, typed code (skipped, with a message, if the route is not there)
#     - GET  /verifikasi/{code}     document verification, code in the path (the QR link; the lookup by code)
#     - POST /akun/masuk            sign-in form (antiforgery as above; its own, longer limit: every try hashes a password)
#  4. prints a summary per target and exits non-zero if sqlmap reports any injectable parameter
#     (or a target could not be scanned at all).
#
# Loopback only: sqlmap is never pointed at another host. sqlmap's logs: artifacts/security-scan/.
# Environment: PALOPO_SCAN_TIMEOUT (seconds per target, default 300), PALOPO_SCAN_SIGNIN_TIMEOUT (seconds for
# the sign-in target, default 1200: its time-based tests wait on PBKDF2 for each try), PALOPO_SCAN_LEVEL (2), PALOPO_SCAN_RISK (1).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 MSBUILDDISABLENODEREUSE=1

per_target=${PALOPO_SCAN_TIMEOUT:-300}
signin_limit=${PALOPO_SCAN_SIGNIN_TIMEOUT:-1200}
level=${PALOPO_SCAN_LEVEL:-2}
risk=${PALOPO_SCAN_RISK:-1}

# ---------------------------------------------------------------- sqlmap
if ! command -v sqlmap >/dev/null 2>&1; then
  if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "installing sqlmap (apt)"
    export DEBIAN_FRONTEND=noninteractive
    { apt-get update -q && apt-get install -y -q --no-install-recommends sqlmap; } >/tmp/palopo-sqlmap-apt.log 2>&1 \
      || { tail -n 20 /tmp/palopo-sqlmap-apt.log; echo "error: could not install sqlmap" >&2; exit 2; }
  else
    echo "error: sqlmap is missing and cannot be installed here (needs root and apt-get)" >&2
    exit 2
  fi
fi
echo "sqlmap $(sqlmap --version 2>/dev/null | grep -v WARNING | tail -n 1)"

# ---------------------------------------------------------------- portal
work=$(mktemp -d "${TMPDIR:-/tmp}/palopo-scan.XXXXXX")
pid=""
cleanup() {
  local rc=$?
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi
  rm -rf "$work"
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

echo "building the portal (Debug)"
dotnet build src/Palopo.Portal.Web -c Debug -v q -nologo >"$work/build.log" 2>&1 || { tail -n 30 "$work/build.log"; exit 2; }
dll="$root/src/Palopo.Portal.Web/bin/Debug/net10.0/Palopo.Portal.Web.dll"

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
base="http://127.0.0.1:$port"
limits=()
for policy in SignIn Registration PasswordReset Track Claim Verify Upload; do
  limits+=("RateLimits__${policy}__PermitLimit=1000000")
done
env ASPNETCORE_ENVIRONMENT=Development Storage__DataPath="$work/data" Serilog__MinimumLevel__Default=Warning \
  "${limits[@]}" \
  dotnet "$dll" --urls "$base" --contentRoot "$root/src/Palopo.Portal.Web" >"$work/portal.log" 2>&1 &
pid=$!
echo "starting the portal on $base"
for _ in $(seq 1 1200); do
  curl -fs -o /dev/null "$base/health/ready" && break
  kill -0 "$pid" 2>/dev/null || { tail -n 30 "$work/portal.log"; echo "error: the portal did not start" >&2; exit 2; }
  sleep 0.1
done
curl -fs -o /dev/null "$base/health/ready" || { echo "error: the portal is not ready" >&2; exit 2; }

# ---------------------------------------------------------------- scan
findings=0
failures=0
summary=()
keep="$root/artifacts/security-scan"   # sqlmap's logs per target, kept after the run
rm -rf "$keep"

# A form's antiforgery pair: the cookie from GET <path> and the token in its form. The pair stays valid
# for repeated posts, so sqlmap gets it as a fixed cookie (--drop-set-cookie keeps it fixed) and a fixed field.
antiforgery() { # path -> sets af_cookie and af_token
  local jar="$work/jar-$RANDOM" page
  page=$(curl -s -c "$jar" "$base$1")
  af_token=$(printf '%s' "$page" | grep -o 'name="__RequestVerificationToken"[^>]*value="[^"]*"' | head -n 1 | sed 's/.*value="//; s/"$//')
  af_cookie=$(awk '{ sub(/^#HttpOnly_/, "") } !/^#/ && NF >= 7 { printf "%s%s=%s", sep, $6, $7; sep="; " }' "$jar")
  if [ -z "$af_token" ] || [ -z "$af_cookie" ]; then
    echo "error: no antiforgery token/cookie on $1" >&2
    exit 2
  fi
}
urlencode() { python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1], safe=""))' "$1"; }

scan() { # name, then sqlmap arguments
  local name=$1; shift
  local out="$work/sqlmap-$name"
  local log="$work/$name.log"
  local rc=0
  echo
  echo "==> $name"
  timeout -k 10 "$per_target" sqlmap --batch --level "$level" --risk "$risk" --flush-session --disable-coloring \
    --output-dir "$out" --random-agent --timeout 20 --retries 1 "$@" >"$log" 2>&1 || rc=$?
  grep -E "injectable|might be injectable|identified the following injection|HTTP error codes|CRITICAL|WARNING.*(heuristic|does not seem)|tested parameters" "$log" \
    | sed 's/^\[[0-9:]*\] //' | sort -u | head -n 25 || true
  local verdict
  if grep -qE "sqlmap identified the following injection point|is vulnerable|Parameter: .* \((GET|POST|URI)\)" "$log"; then
    verdict="INJECTABLE"
    findings=$((findings + 1))
  elif [ "$rc" -eq 124 ] || [ "$rc" -eq 137 ]; then
    verdict="TIMED OUT after ${per_target}s (no injection found before the limit)"
  elif grep -q "all tested parameters do not appear to be injectable" "$log"; then
    verdict="not injectable"
  elif grep -q "CRITICAL" "$log"; then
    verdict="NOT SCANNED: $(grep CRITICAL "$log" | head -n 1 | sed 's/^\[[0-9:]*\] //')"
    failures=$((failures + 1))
  else
    verdict="finished (exit $rc), nothing injectable reported"
  fi
  if grep -q "HTTP error codes detected" "$log"; then
    verdict="$verdict; HTTP errors seen: $(grep -A3 'HTTP error codes detected during run' "$log" | grep -oE '[0-9]{3} \([^)]*\) - [0-9]+ times' | paste -sd ',' -)"
  fi
  mkdir -p "$keep" && cp "$log" "$keep/"
  summary+=("$(printf '%-22s %s' "$name" "$verdict")")
}

scan catalogue-search -u "$base/layanan?q=akta" -p q

antiforgery /lacak
scan tracking -u "$base/lacak" --method POST --cookie "$af_cookie" --drop-set-cookie \
  --data "ReferenceNumber=PLP-2026-000001&TrackingCode=ABCD-EFGH&__RequestVerificationToken=$(urlencode "$af_token")" \
  -p "ReferenceNumber,TrackingCode"

verify_status=$(curl -s -o /dev/null -w '%{http_code}' "$base/verifikasi?kode=ABCD-1234")
if [ "$verify_status" = "404" ]; then
  echo
  echo "==> verification"
  echo "skipped: /verifikasi answers 404 (the verification page is not on this branch yet)"
  summary+=("$(printf '%-22s %s' verification 'skipped: route not present (404)')")
else
  scan verification -u "$base/verifikasi?kode=ABCD-1234" -p kode
  # The QR link: the code is a path segment, marked with * for sqlmap (16 characters of the code alphabet).
  scan verification-path -u "$base/verifikasi/7KQ2M9XH4TPA8WRD*"
fi

antiforgery /akun/masuk
per_target=$signin_limit scan sign-in -u "$base/akun/masuk" --method POST --cookie "$af_cookie" --drop-set-cookie \
  --data "Email=uji%40contoh.test&Password=salah-sekali-panjang&__RequestVerificationToken=$(urlencode "$af_token")" \
  -p "Email,Password"

if grep -qE '"StatusCode": ?5[0-9][0-9]|responded 5[0-9][0-9]' "$work/portal.log"; then
  echo
  echo "note: the portal answered some scan requests with 5xx:"
  grep -E 'responded 5[0-9][0-9]' "$work/portal.log" | sort | uniq -c | sort -rn | head -n 10 || true
fi

echo
echo "==> Summary (sqlmap --level $level --risk $risk, ${per_target}s per target, $base)"
printf '%s\n' "${summary[@]}"
if [ "$findings" -gt 0 ]; then
  echo "FAILED: sqlmap reports $findings injectable target(s)"
  exit 1
fi
if [ "$failures" -gt 0 ]; then
  echo "FAILED: $failures target(s) could not be scanned"
  exit 1
fi
echo "OK: no injectable parameter found"
