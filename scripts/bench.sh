#!/usr/bin/env bash
# The portal's performance figures (issue 7) in ONE run, so every ratio compares numbers taken on
# the same (possibly busy) machine: Release builds, loopback only, Serilog at Warning.
#
#   ceiling     /health/live (no I/O)                                wrk rps
#   reference   TechEmpower "Fortunes" on the same stack (benchmarks/Fortunes: MVC + Razor + EF Core/SQLite)
#   catalogue   /layanan, /layanan/{slug} anonymous                  ratio to the ceiling  (target >= 0.30)
#   personal    /permohonan/{ref} (citizen), /petugas/antrian (officer with TOTP)
#                                                                    ratio to the reference (target >= 0.5),
#               then three paired rounds (reference, page) each, with the median ratio, and the
#               same for /privasi signed in (the fixed cost of any signed-in page) and for the
#               queue read from the database every time (?urut=naik: never the kept body, ADR 0018)
#   queue       p95 of /petugas/antrian?urut=naik with 2,000 vs 200,000 requests (scripts/bench-queue.sh)
#                                                                    ratio <= 1.5, p95 <= 100 ms
#   uploads     N applications with a 1 MB PDF, CONCURRENCY at a time: rate, errors (must be 0), RSS
#   start-up    start-to-ready on SQLite, cold and warm (scripts/bench-startup.sh)
#   memory      portal RSS after the wrk runs (target <= 250 MB) and after the uploads
#
# Bounded: every wrk run by time, the upload loop by count and a 300 s timeout, the queue part by
# 40 min (seeding 200,000 rows takes 2-9 min depending on load), start-up by 400 s.
# Prints a table and writes it to artifacts/bench/results.md. Not part of the test command.
# Env: PALOPO_BENCH_PORT_BASE (5180: uses BASE..BASE+3), PALOPO_BENCH_SECONDS (wrk seconds, 10),
#      PALOPO_BENCH_WARMUP (wrk warm-up seconds per URL before it is measured, 15),
#      PALOPO_BENCH_SIGNED_IN_WARMUP (the same for /permohonan/{ref} and /petugas/antrian, 60),
#      PALOPO_BENCH_PAIRED_SECONDS (wrk seconds per paired round, 6),
#      PALOPO_BENCH_UPLOADS (300), PALOPO_BENCH_UPLOAD_CONCURRENCY (4), PALOPO_BENCH_SKIP ("" or
#      words of: queue startup uploads), PALOPO_BENCH_LABEL (a note for the results' heading).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
base_port=${PALOPO_BENCH_PORT_BASE:-5180}
portal_port=$base_port
fortunes_port=$((base_port + 1))
queue_port=$((base_port + 2))
startup_port=$((base_port + 3))
seconds=${PALOPO_BENCH_SECONDS:-10}
# Steady state, as TechEmpower measures: the JIT re-compiles hot code with profile data (tiered
# PGO) over the first seconds, and a 3 s warm-up measured the portal's pages at 2-3x their steady
# CPU per request while the small Fortunes app was already warm.
warmup=${PALOPO_BENCH_WARMUP:-15}
# The signed-in pages run far more code (MVC, Razor, Identity, EF Core, SQLite) than the cached
# catalogue: measured with dotnet-counters under wrk, the JIT compiled ~4,400 methods in the first
# 10 s of the queue page, 900 more around 45 s, and < 40 per 10 s after 60 s, while the page's rps
# rose from 500 to 2,800. A 15 s warm-up measured it in the middle of that.
signed_in_warmup=${PALOPO_BENCH_SIGNED_IN_WARMUP:-60}
uploads=${PALOPO_BENCH_UPLOADS:-300}
upload_concurrency=${PALOPO_BENCH_UPLOAD_CONCURRENCY:-4}
skip=" ${PALOPO_BENCH_SKIP:-} "
out_dir="$root/artifacts/bench"
mkdir -p "$out_dir"
work=$(mktemp -d)
portal_pid="" fortunes_pid=""
stop() { local p=$1; if [ -n "$p" ]; then kill "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; fi; }
cleanup() { stop "$portal_pid"; stop "$fortunes_pid"; rm -rf "$work"; }
trap cleanup EXIT
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }
log() { echo "== $(date -u +%H:%M:%S) $*" >&2; }
py() { python3 "$root/scripts/bench/portal.py" "$@"; }

log "building (Release)"
dotnet build src/Palopo.Portal.Web -c Release -v q -nologo >/dev/null
dotnet build benchmarks/Fortunes -c Release -v q -nologo >/dev/null
portal_dll="$root/src/Palopo.Portal.Web/bin/Release/net10.0/Palopo.Portal.Web.dll"
fortunes_dll="$root/benchmarks/Fortunes/bin/Release/net10.0/Fortunes.dll"

log "seeding 2,000 requests"
scripts/seed-requests.sh "$work/data" 2000 >&2

wait_ready() { # URL PID
  for _ in $(seq 1 600); do
    curl -fs -o /dev/null "$1" && return 0
    kill -0 "$2" 2>/dev/null || return 1
    sleep 0.2
  done
  return 1
}
rss_mb() { awk '/^VmRSS/ {printf "%.0f", $2 / 1024}' "/proc/$1/status"; }
# CPU time (user + system, clock ticks) a process has used: CPU per request does not depend on how
# busy the machine is, unlike rps, so the table shows it beside every rate.
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
ticks_per_s=$(getconf CLK_TCK)

log "starting the portal and the Fortunes reference"
# Development only for the demo accounts; settings that differ in production are set as production
# has them (Database:ThreadSafetyChecks, ADR 0017).
ASPNETCORE_ENVIRONMENT=Development Storage__DataPath="$work/data" Serilog__MinimumLevel__Default=Warning \
  Database__ThreadSafetyChecks=false RateLimits__SignIn__PermitLimit=100000 RateLimits__Upload__PermitLimit=100000 \
  dotnet "$portal_dll" --urls "http://127.0.0.1:$portal_port" --contentRoot "$root/src/Palopo.Portal.Web" >"$work/portal.log" 2>&1 &
portal_pid=$!
ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning Fortunes__DataPath="$work/fortunes" \
  dotnet "$fortunes_dll" --urls "http://127.0.0.1:$fortunes_port" --contentRoot "$root/benchmarks/Fortunes" >"$work/fortunes.log" 2>&1 &
fortunes_pid=$!
wait_ready "http://127.0.0.1:$portal_port/health/ready" "$portal_pid" || { cat "$work/portal.log" >&2; exit 1; }
wait_ready "http://127.0.0.1:$fortunes_port/fortunes" "$fortunes_pid" || { cat "$work/fortunes.log" >&2; exit 1; }

portal="http://127.0.0.1:$portal_port"
# Sessions are signed in afresh right before each run that uses them: the portal re-checks a
# session's security stamp once a minute and then renews the cookie, which a browser keeps but wrk
# cannot; a cookie older than a minute would measure that re-check on every request.
citizen_signin() { py signin "$portal" warga@palopo.test; }
officer_signin() { py signin "$portal" petugas.disdukcapil@palopo.test JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP; }
citizen=$(citizen_signin)
officer=$(officer_signin)
# The citizen's request with the longest timeline: the heaviest /permohonan/{ref} page they have.
reference=$(python3 - "$work/data/palopo.db" <<'PY'
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
print(c.execute("""select r.ReferenceNumber from ServiceRequests r join AspNetUsers u on u.Id = r.ApplicantUserId
                   where u.Email = 'warga@palopo.test'
                   order by (select count(*) from RequestEvents e where e.RequestId = r.Id) desc, r.ReferenceNumber limit 1""").fetchone()[0])
PY
)

declare -A RPS P50 P99 MARK URL COOKIE CPU
names=(ceiling reference catalogue service request queue)
URL[ceiling]="$portal/health/live";                         MARK[ceiling]="Healthy"
URL[reference]="http://127.0.0.1:$fortunes_port/fortunes";   MARK[reference]="Additional fortune added at request time."
URL[catalogue]="$portal/layanan";                           MARK[catalogue]='href="/layanan/akta-kelahiran"'
URL[service]="$portal/layanan/akta-kelahiran";              MARK[service]='href="/layanan/akta-kelahiran/ajukan"'
URL[request]="$portal/permohonan/$reference";               MARK[request]="$reference";  COOKIE[request]="$citizen"
URL[queue]="$portal/petugas/antrian";                       MARK[queue]='id="queue"';     COOKIE[queue]="$officer"

for name in "${names[@]}"; do
  url=${URL[$name]}
  case $name in
    request) COOKIE[request]=$(citizen_signin) ;;
    queue) COOKIE[queue]=$(officer_signin) ;;
  esac
  cookie_args=()
  [ -n "${COOKIE[$name]:-}" ] && cookie_args=(-H "Cookie: ${COOKIE[$name]}")
  # The page must be the real one (a sign-in redirect or an error page would be fast and wrong).
  page=$(curl -fs "${cookie_args[@]}" "$url" || true)
  [[ "$page" == *"${MARK[$name]}"* ]] || { echo "$url did not answer the expected page" >&2; exit 1; }
  log "wrk $name: $url"
  seconds_warm=$warmup; [ -n "${COOKIE[$name]:-}" ] && seconds_warm=$signed_in_warmup
  timeout $((seconds_warm + 60)) wrk -t2 -c32 -d"${seconds_warm}s" "${cookie_args[@]}" "$url" >/dev/null # warm-up (JIT, caches, pools)
  # ...and a fresh session after it (see citizen_signin above).
  case $name in
    request) COOKIE[request]=$(citizen_signin); cookie_args=(-H "Cookie: ${COOKIE[request]}") ;;
    queue) COOKIE[queue]=$(officer_signin); cookie_args=(-H "Cookie: ${COOKIE[queue]}") ;;
  esac
  pid=$portal_pid; [ "$name" = reference ] && pid=$fortunes_pid
  ticks=$(cpu_ticks "$pid")
  result=$(timeout $((seconds + 60)) wrk -t2 -c32 -d"${seconds}s" --latency "${cookie_args[@]}" "$url")
  ticks=$(( $(cpu_ticks "$pid") - ticks ))
  CPU[$name]=$(echo "$result" | awk -v t="$ticks" -v hz="$ticks_per_s" '/requests in/ {printf "%.2f", t * 1000 / hz / $1}')
  echo "$result" >"$work/wrk-$name.txt"
  non2xx=$(echo "$result" | awk '/Non-2xx/ {print $NF}')
  errors=$(echo "$result" | awk '/Socket errors/ {print}')
  [ -z "$non2xx" ] || { echo "$result" >&2; echo "wrk saw non-2xx answers on $url" >&2; exit 1; }
  [ -z "$errors" ] || echo "wrk: $errors on $url" >&2
  RPS[$name]=$(echo "$result" | awk '/Requests\/sec/ {printf "%.0f", $2}')
  P50[$name]=$(echo "$result" | awk '$1=="50%" {print $2}')
  P99[$name]=$(echo "$result" | awk '$1=="99%" {print $2}')
done
rss_wrk=$(rss_mb "$portal_pid")
fortunes_rss=$(rss_mb "$fortunes_pid")

# Paired rounds: on this shared machine rates swing by tens of percent from one minute to the
# next, so each signed-in page is measured three more times, each right after the reference, and
# the table gives the three ratios and their median.
paired_seconds=${PALOPO_BENCH_PAIRED_SECONDS:-6}
declare -A PAIRED
wrk_rps() { # URL [COOKIE]
  local args=() out
  [ -n "${2:-}" ] && args=(-H "Cookie: $2")
  out=$(timeout $((paired_seconds + 60)) wrk -t2 -c32 -d"${paired_seconds}s" "${args[@]}" "$1")
  if echo "$out" | grep -q Non-2xx; then echo "$out" >&2; echo "wrk saw non-2xx answers on $1" >&2; return 1; fi
  echo "$out" | awk '/Requests\/sec/ {printf "%.0f", $2}'
}
# The fixed cost of any signed-in page: /privasi is static text, so a signed-in GET of it pays only
# for the session check and the header's notification count.
URL[floor]="$portal/privasi"
# The default queue read from the database on every request: "?urut=naik" asks for the default
# order, which is never served from the kept body (ADR 0018). What an officer waits for after a change.
URL[queue_db]="$portal/petugas/antrian?urut=naik"
page=$(curl -fs -H "Cookie: $(citizen_signin)" "${URL[floor]}" || true)
[[ "$page" == *'action="/akun/keluar"'* ]] || { echo "${URL[floor]} did not answer the signed-in page" >&2; exit 1; }
for name in floor request queue queue_db; do
  log "paired rounds: $name"
  rounds=()
  for _ in 1 2 3; do
    ref_rps=$(wrk_rps "${URL[reference]}") || exit 1
    case $name in queue*) session=$(officer_signin) ;; *) session=$(citizen_signin) ;; esac
    page_rps=$(wrk_rps "${URL[$name]}" "$session") || exit 1
    rounds+=("$page_rps/$ref_rps")
  done
  PAIRED[$name]="${rounds[*]}"
done
stop "$fortunes_pid"; fortunes_pid=""

upload_result="skipped" rss_upload=""
if [[ "$skip" != *" uploads "* ]]; then
  log "uploads: $uploads applications with a 1 MB PDF, $upload_concurrency at a time"
  upload_result=$(timeout 300 python3 "$root/scripts/bench/portal.py" upload "$portal" "$(citizen_signin)" "$uploads" "$upload_concurrency" 1024)
  rss_upload=$(rss_mb "$portal_pid")
fi
stop "$portal_pid"; portal_pid=""

queue_out="" q2k="" q200k=""
if [[ "$skip" != *" queue "* ]]; then
  log "queue scaling (scripts/bench-queue.sh)"
  queue_out=$(PALOPO_BENCH_PORT=$queue_port PALOPO_BENCH_SECONDS=$seconds timeout 2400 scripts/bench-queue.sh 2>"$work/queue.log") || { cat "$work/queue.log" >&2; echo "$queue_out" >&2; exit 1; }
  q2k=$(echo "$queue_out" | awk '$1=="2000" {print $4}')
  q200k=$(echo "$queue_out" | awk '$1=="200000" {print $4}')
fi

startup_out=""
if [[ "$skip" != *" startup "* ]]; then
  log "start-up (scripts/bench-startup.sh)"
  startup_out=$(PALOPO_BENCH_PORT=$startup_port timeout 400 scripts/bench-startup.sh)
fi

log "writing the table"
export RPS_CEILING=${RPS[ceiling]} RPS_REFERENCE=${RPS[reference]}
python3 - "$out_dir/results.md" <<PY
import os, sys
rps = {$(for n in "${names[@]}"; do printf '"%s": %s, ' "$n" "${RPS[$n]}"; done)}
p50 = {$(for n in "${names[@]}"; do printf '"%s": "%s", ' "$n" "${P50[$n]}"; done)}
p99 = {$(for n in "${names[@]}"; do printf '"%s": "%s", ' "$n" "${P99[$n]}"; done)}
cpu = {$(for n in "${names[@]}"; do printf '"%s": "%s", ' "$n" "${CPU[$n]}"; done)}
label = """${PALOPO_BENCH_LABEL:-}"""
ceiling, reference = rps["ceiling"], rps["reference"]
def verdict(ok): return "met" if ok else "NOT MET"
rows = [
    ("Ceiling: /health/live", "ceiling", None, None, ""),
    ("Reference: TechEmpower Fortunes (MVC+Razor+EF Core/SQLite)", "reference", ceiling, None, "yardstick (~0.1 of ceiling expected)"),
    ("/layanan (anonymous)", "catalogue", ceiling, 0.30, "vs ceiling, target >= 0.30"),
    ("/layanan/akta-kelahiran (anonymous)", "service", ceiling, 0.30, "vs ceiling, target >= 0.30"),
    ("/permohonan/{ref} (citizen: $reference)", "request", reference, 0.5, "vs reference, target >= 0.5"),
    ("/petugas/antrian (officer, 2,000 requests)", "queue", reference, 0.5, "vs reference, target >= 0.5"),
]
lines = ["# Palopo Portal benchmark" + (f" ({label})" if label else ""), "",
         "One run of scripts/bench.sh on $(hostname) ($(nproc) cores), $(date -u '+%Y-%m-%d %H:%M UTC'); Release, 127.0.0.1, Serilog at Warning;",
         "wrk -t2 -c32 -d${seconds}s after a warm-up of the same URL (${warmup} s, signed-in pages ${signed_in_warmup} s: steady state). Ratios compare figures from this same run.",
         "CPU ms/req: the server process's CPU time (user + system) during the run divided by its requests;",
         "on a shared machine rps swing with other load, CPU per request much less.", "",
         "| measurement | rps | p50 | p99 | CPU ms/req | ratio | target |", "|---|---:|---:|---:|---:|---:|---|"]
for title, key, against, target, note in rows:
    ratio = "" if against is None else f"{rps[key] / against:.2f}"
    tgt = note if target is None else f"{note}: {verdict(rps[key] / against >= target)}"
    lines.append(f"| {title} | {rps[key]} | {p50[key]} | {p99[key]} | {cpu[key]} | {ratio} | {tgt} |")
paired = {"floor": "${PAIRED[floor]:-}", "request": "${PAIRED[request]:-}", "queue": "${PAIRED[queue]:-}", "queue_db": "${PAIRED[queue_db]:-}"}
lines += ["", "Paired rounds (each page right after the reference, ${paired_seconds} s each; page rps / reference rps):", "",
          "| page | round 1 | round 2 | round 3 | median ratio | target |", "|---|---:|---:|---:|---:|---|"]
for key, title in (("floor", "/privasi signed in (session check + header only)"), ("request", "/permohonan/{ref} (citizen)"), ("queue", "/petugas/antrian (officer)"),
                   ("queue_db", "/petugas/antrian?urut=naik (officer, read from the database every time)")):
    pairs = [tuple(int(x) for x in r.split("/")) for r in paired[key].split()]
    if len(pairs) == 3:
        ratios = sorted(p / r for p, r in pairs)
        cells = " | ".join(f"{p} / {r} = {p / r:.2f}" for p, r in pairs)
        target = {"floor": "fixed cost of every signed-in page", "queue_db": "for comparison: the cost without the kept body"}.get(key, f">= 0.5: {verdict(ratios[1] >= 0.5)}")
        lines.append(f"| {title} | {cells} | {ratios[1]:.2f} | {target} |")
lines += ["", "| measurement | value | target |", "|---|---|---|"]
q2k, q200k = "$q2k", "$q200k"
if q2k and q200k:
    r = float(q200k) / float(q2k)
    lines.append(f"| queue page p95 (read from the database), 2,000 requests | {q2k} ms | |")
    lines.append(f"| queue page p95 (read from the database), 200,000 requests | {q200k} ms | <= 100 ms: {verdict(float(q200k) <= 100)} |")
    lines.append(f"| queue p95 ratio 200k / 2k | {r:.2f} | <= 1.5: {verdict(r <= 1.5)} |")
up = "$upload_result".split()
if len(up) == 5:
    ok, err, secs, rate, p95 = up
    lines.append(f"| uploads: $uploads applications with a 1 MB PDF, concurrency $upload_concurrency | {ok} ok, {err} errors in {secs} s = {rate}/s (p95 {p95} ms) | 0 errors: {verdict(err == '0')} |")
    lines.append(f"| portal RSS after the uploads | $rss_upload MB | |")
lines.append(f"| portal RSS after the wrk runs (steady, under load) | $rss_wrk MB | <= 250 MB: {verdict($rss_wrk <= 250)} |")
lines.append(f"| Fortunes RSS after its wrk run | $fortunes_rss MB | |")
for line in """$startup_out""".splitlines():
    if line.strip():
        name, value = line.rsplit("  ", 1) if "  " in line else (line, "")
        lines.append(f"| {name.strip()} | {value.strip()} | |")
text = "\n".join(lines) + "\n"
if """$queue_out""".strip():
    text += "\n## Queue scaling (scripts/bench-queue.sh)\n\n\`\`\`\n" + """$queue_out""".strip() + "\n\`\`\`\n"
open(sys.argv[1], "w").write(text)
print(text)
PY
