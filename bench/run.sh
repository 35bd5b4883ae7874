#!/usr/bin/env bash
# Measures the app against the ceiling of its own stack and prints a table (issue #9):
#   1 a bare axum "hello" (bench/hello) — requests/s, the ceiling
#   2 GET /account signed in, warm cache — requests/s, p50/p99, ratio to 1
#   3 SQL statements per signed-in request with a warm cache (pg_stat_statements deltas)
#   4 figure 2 while a storm of real sign-ins runs argon2 — ratio to 2
#   5 the session check alone (criterion: cookie verification + cache hit) as a share of the
#     server CPU time per request of figure 2
#   6 resident memory growth per 100,000 sessions loaded into the cache through requests
#   7 frontend WASM size (raw, gzip -9) and JS glue + CSS
#   8 invalidation latency between two instances, from bench/invalidation.sh when it exists
#   9 a passkey sign-in ceremony (options + signed answer) on loopback, from bench/passkey.sh
#
# Builds in release mode, starts a private Postgres and the servers on 127.0.0.1 (free ports),
# seeds users and sessions (bench/seed), measures with wrk, prints the table and stops
# everything it started. Every comparison runs in the same invocation, so ratios hold on a
# noisy machine. The measuring part is bounded (watchdog: BENCH_TIME_LIMIT, 600 s).
#
# Usage: bench/run.sh [--save]      --save also writes the table into bench/RESULTS.md
# Knobs: BENCH_DURATION (s per run, 10), BENCH_CONNECTIONS (32), BENCH_THREADS (wrk, 1),
#        BENCH_MEM_SESSIONS (100000), BENCH_HOT_SESSIONS (1000), RUST_LOG (server's, info),
#        BENCH_PRELOAD (LD_PRELOAD for the server: C malloc only, Rust uses mimalloc), BENCH_NO_BUILD=1
#        (measure what the last run built).
set -euo pipefail
source "$(dirname "$0")/lib.sh"

SAVE=false
[ "${1:-}" = "--save" ] && SAVE=true
THREADS="${BENCH_THREADS:-1}"
MEM="${BENCH_MEM_SESSIONS:-100000}"
TIME_LIMIT="${BENCH_TIME_LIMIT:-600}"

if [ -z "${BENCH_NO_BUILD:-}" ]; then
  say "building the site and the server (release)"
  cargo leptos build --release
  say "building the hello ceiling, the seeder and the session-check benchmark (release)"
  cargo build --release -p bench-hello -p bench-seed
  cargo bench -p server --bench session_check --no-run
fi
SITE="$ROOT/target/site"
[ -f "$SITE/pkg/accounts.wasm" ] || SITE="$TARGET/site"
[ -f "$SITE/pkg/accounts.wasm" ] || die "no accounts.wasm under target/site/pkg after the build"

WORK="$(mktemp -d "${TMPDIR:-/tmp}/accounts-bench.XXXXXX")"
chmod 755 "$WORK"
RESULTS="$WORK/results"
: >"$RESULTS"
HELLO_PID="" APP_PID="" STORM_PID="" FILL_PID="" WATCHDOG_PID=""

stop_pid() {
  if [ -n "$1" ]; then kill "$1" 2>/dev/null || true; wait "$1" 2>/dev/null || true; fi
}
cleanup() {
  local status=$?
  stop_pid "$STORM_PID"
  stop_pid "$FILL_PID"
  stop_pid "$HELLO_PID"
  stop_pid "$APP_PID"
  stop_pid "$WATCHDOG_PID"
  stop_postgres
  rm -rf "$WORK"
  exit "$status"
}
trap cleanup EXIT INT TERM

result() { printf '%s=%s\n' "$1" "$2" >>"$RESULTS"; }

# wrk_run NAME WRK-ARGS...: runs wrk, keeps its output in $WORK/NAME.out and records the
# numbers of its BENCH line (see lua/report.lua) as NAME.<key>; fails on socket errors.
wrk_run() {
  local name="$1" line
  shift
  wrk "$@" >"$WORK/$name.out" 2>&1 || { cat "$WORK/$name.out" >&2; die "wrk failed ($name)"; }
  line="$(grep '^BENCH ' "$WORK/$name.out")" || { cat "$WORK/$name.out" >&2; die "no BENCH line ($name)"; }
  for pair in ${line#BENCH }; do result "$name.${pair%%=*}" "${pair#*=}"; done
}
get() { grep "^$1=" "$RESULTS" | tail -n 1 | cut -d= -f2-; }

rss_kib() { awk '/^VmRSS/ {print $2}' "/proc/$1/status"; }
# Per-statement calls since the last snapshot_sql, most frequent first.
snapshot_sql() {
  psql_q "DROP TABLE IF EXISTS snap; CREATE TABLE snap AS SELECT userid, queryid, calls FROM pg_stat_statements
          WHERE dbid = (SELECT oid FROM pg_database WHERE datname = 'bench')" >/dev/null
}
sql_since_snapshot() {
  psql_q "SELECT s.calls - coalesce(b.calls, 0) || '  ' || left(regexp_replace(s.query, '\s+', ' ', 'g'), 110)
          FROM pg_stat_statements s LEFT JOIN snap b USING (userid, queryid)
          WHERE s.dbid = (SELECT oid FROM pg_database WHERE datname = 'bench') AND s.calls > coalesce(b.calls, 0)
          ORDER BY s.calls - coalesce(b.calls, 0) DESC"
}
session_loads() {
  psql_q "SELECT coalesce(sum(calls), 0) FROM pg_stat_statements
          WHERE dbid = (SELECT oid FROM pg_database WHERE datname = 'bench')
            AND query LIKE 'SELECT id, user_id, device_id%FROM sessions WHERE id = \$1'"
}

# ---------------------------------------------------------------------------------------------
say "measuring (at most ${TIME_LIMIT}s)"
(
  sleep "$TIME_LIMIT" &
  trap 'kill $! 2>/dev/null; exit 0' TERM
  wait $!
  echo "bench: time limit of ${TIME_LIMIT}s reached; stopping" >&2
  kill -TERM $$
) &
WATCHDOG_PID=$!
MEASURE_START=$SECONDS

result machine.cpu "$(awk -F': ' '/^model name/ {print $2; exit}' /proc/cpuinfo)"
result machine.cores "$(nproc)"
result machine.ram_gib "$(awk '/^MemTotal/ {printf "%.1f", $2 / 1048576}' /proc/meminfo)"
result machine.kernel "$(uname -r)"
result machine.rustc "$(rustc --version | awk '{print $2}')"
result run.date "$(date -u '+%Y-%m-%d %H:%M UTC')"
result run.load_before "$(cut -d' ' -f1-3 /proc/loadavg)"
result run.settings "wrk -t$THREADS -c$CONNECTIONS, ${DURATION}s per run${BENCH_PRELOAD:+, server with LD_PRELOAD=$BENCH_PRELOAD}"

say "figure 1: bare axum hello"
HELLO_PORT="$(free_port)"
SOCKET="127.0.0.1:$HELLO_PORT" "$TARGET/release/bench-hello" >"$WORK/hello.log" 2>&1 &
HELLO_PID=$!
wait_for_http "http://127.0.0.1:$HELLO_PORT/" 30 || die "bench-hello did not answer"
wrk_run hello_warm -t"$THREADS" -c"$CONNECTIONS" -d2s -s "$LUA/report.lua" "http://127.0.0.1:$HELLO_PORT/"
wrk_run hello -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" -s "$LUA/report.lua" "http://127.0.0.1:$HELLO_PORT/"
stop_pid "$HELLO_PID"
HELLO_PID=""

say "starting Postgres and the app"
start_postgres "$WORK"
psql_q "CREATE EXTENSION pg_stat_statements" >/dev/null
psql_q "CREATE DATABASE bench" >/dev/null
APP_PORT="$(free_port)"
BASE="http://127.0.0.1:$APP_PORT"
# The server's configuration, also read by the seeder so that its cookies verify. The cache
# holds every seeded session; the per-IP sign-in limit is lifted so that the storm of figure 4
# reaches argon2 instead of being turned away with 429 (every request comes from 127.0.0.1).
APP_ENV=(SOCKET="127.0.0.1:$APP_PORT" SERVICE_DOMAIN="$BASE" DATA_DIR="$WORK/data"
  DATABASE_URL="postgres://postgres@127.0.0.1:$PG_PORT/bench"
  SECRET_KEY="$(head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n')"
  MEM_CACHE_CAPACITY=1000000 SIGN_IN_PER_IP_PER_MINUTE=1000000 LEPTOS_SITE_ROOT="$SITE")
# BENCH_PRELOAD (a malloc library) replaces C's malloc in the server without a rebuild; Rust
# allocations go to the mimalloc built into the server whatever it is.
env "${APP_ENV[@]}" ${BENCH_PRELOAD:+LD_PRELOAD="$BENCH_PRELOAD"} "$TARGET/release/accounts-server" >"$WORK/server.log" 2>&1 &
APP_PID=$!
if ! wait_for_http "$BASE/healthz" 60; then
  tail -n 30 "$WORK/server.log" >&2
  die "the server did not become healthy"
fi

say "seeding users and sessions"
# cookies.txt: HOT + STORM_ACCOUNTS users with one session each (figures 2 to 4);
# shared.txt: MEM sessions of MEM/100 users; distinct.txt: MEM users with one session each (6).
COOKIES="$WORK/cookies.txt" SHARED="$WORK/shared.txt" DISTINCT="$WORK/distinct.txt"
seed_start=$SECONDS
seed() { env "${APP_ENV[@]}" "$TARGET/release/bench-seed" "$@" "$PASSWORD"; }
seed "$((HOT + STORM_ACCOUNTS))" 1 0 "$COOKIES"
seed "$((MEM / 100))" 100 "$((HOT + STORM_ACCOUNTS))" "$SHARED"
seed "$MEM" 1 "$((HOT + STORM_ACCOUNTS + MEM / 100))" "$DISTINCT"
result seed.seconds "$((SECONDS - seed_start))"

# The page must really be the signed-in one: a redirect to /login would be cheaper.
# (With a storm account's session: the sessions of the figures must not be cached yet.)
status="$(curl -sS -o "$WORK/account.html" -w '%{http_code}' -H "Cookie: $(sed -n "$((HOT + 1))p" "$COOKIES")" "$BASE/account")"
[ "$status" = 200 ] && grep -q "bench-$HOT@bench.test" "$WORK/account.html" ||
  die "GET /account with a seeded cookie answered $status, not the signed-in page"
result account.page_bytes "$(wc -c <"$WORK/account.html")"

# fill NAME PATH FILE FIRST COUNT: GETs PATH with each session on lines FIRST..FIRST+COUNT-1 of
# FILE once (wrk threads stop after their share, but wrk itself only exits at -d); done when
# Postgres has served every one of them to the cache loader. Records NAME.{seconds,loaded,rss_kib}.
fill() {
  local name="$1" path="$2" file="$3" first="$4" count="$5" before start=$SECONDS
  before="$(session_loads)"
  wrk -t"$THREADS" -c"$CONNECTIONS" -d300s -s "$LUA/cookies.lua" "$BASE$path" \
    -- "$file" "$first" "$count" "$THREADS" once >"$WORK/$name.out" 2>&1 &
  FILL_PID=$!
  until (($(session_loads) - before >= count)); do
    if ! kill -0 "$FILL_PID" 2>/dev/null || ((SECONDS - start > 200)); then
      cat "$WORK/$name.out" >&2
      die "$(($(session_loads) - before)) of $count sessions were loaded ($name)"
    fi
    sleep 0.5
  done
  stop_pid "$FILL_PID"
  FILL_PID=""
  result "$name.seconds" "$((SECONDS - start))"
  result "$name.loaded" "$(($(session_loads) - before))"
  result "$name.rss_kib" "$(rss_kib "$APP_PID")"
}

say "figure 2: GET /account signed in, warm cache"
fill warm /account "$COOKIES" 1 "$HOT"
wrk_run account_warm -t"$THREADS" -c"$CONNECTIONS" -d3s -s "$LUA/cookies.lua" "$BASE/account" -- "$COOKIES" 1 "$HOT" "$THREADS"
# Background work (the mail outbox wakes at least every 30 s, last_seen is written behind) runs SQL
# whether or not requests come: count it over an idle window of the same length first.
calls_before="$(sql_calls bench)"
sleep "$DURATION"
result idle.sql_calls "$(($(sql_calls bench) - calls_before))"
calls_before="$(sql_calls bench)"
snapshot_sql
ticks_before="$(cpu_ticks "$APP_PID")"
wrk_run account -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" -s "$LUA/cookies.lua" "$BASE/account" -- "$COOKIES" 1 "$HOT" "$THREADS"
ticks_after="$(cpu_ticks "$APP_PID")"
calls_after="$(sql_calls bench)"
result account.cpu_seconds "$(awk -v a="$ticks_before" -v b="$ticks_after" -v hz="$(getconf CLK_TCK)" 'BEGIN {print (b - a) / hz}')"
result account.sql_calls "$((calls_after - calls_before))"
say "statements the app ran during figure 2 (calls, query):"
sql_since_snapshot >&2

say "figure 6: memory per 100,000 cached sessions"
result mem.start.rss_kib "$(rss_kib "$APP_PID")"
# Before the storm: argon2's 19 MiB blocks come and go from the heap and blur RSS for a while.
# Every request passes the session middleware, which loads session and user into the caches;
# the stylesheet keeps page rendering's short-lived allocations out of the figure.
fill mem.shared /pkg/accounts.css "$SHARED" 1 "$MEM"
fill mem.distinct /pkg/accounts.css "$DISTINCT" 1 "$MEM"
say "figure 4: figure 2 during a storm of sign-ins"
SIGN_IN_PATH="$(form_action "$BASE/login" sign_in)"
[ -n "$SIGN_IN_PATH" ] || die "no sign-in form action on /login"
probe="$(curl -sS -o /dev/null -D - -X POST -H 'Accept: application/json' -H "Origin: $BASE" \
  --data-urlencode "identifier=bench-$HOT@bench.test" --data-urlencode "password=$PASSWORD" "$BASE$SIGN_IN_PATH")"
grep -qi '^set-cookie: session=' <<<"$probe" || die "a storm sign-in does not sign in: $(head -n 1 <<<"$probe")"
wrk -t1 -c"$STORM_CONNECTIONS" -d"$((DURATION + 4))s" -s "$LUA/signin.lua" "$BASE$SIGN_IN_PATH" \
  -- "$HOT" "$STORM_ACCOUNTS" "$PASSWORD" "$BASE" >"$WORK/storm.out" 2>&1 &
STORM_PID=$!
sleep 2 # let the storm fill the argon2 queue before measuring
wrk_run account_storm -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" -s "$LUA/cookies.lua" "$BASE/account" -- "$COOKIES" 1 "$HOT" "$THREADS"
wait "$STORM_PID" || { cat "$WORK/storm.out" >&2; die "the storm's wrk failed"; }
STORM_PID=""
for pair in $(grep '^BENCH ' "$WORK/storm.out" | sed 's/^BENCH //'); do result "storm.${pair%%=*}" "${pair#*=}"; done
# Figure 2 once more after the storm: the storm is compared with the mean of the runs around it,
# which cancels a slow drift of what else the machine is doing.
wrk_run account_after -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" -s "$LUA/cookies.lua" "$BASE/account" -- "$COOKIES" 1 "$HOT" "$THREADS"

stop_pid "$APP_PID"
APP_PID=""

say "figure 5: the session check alone (criterion)"
cargo bench -p server --bench session_check -- --output-format bencher >"$WORK/criterion.out" 2>&1 ||
  { cat "$WORK/criterion.out" >&2; die "the criterion benchmark failed"; }
for name in verify_cookie verify_and_resolve; do
  ns="$(grep "session_check/$name " "$WORK/criterion.out" | sed -E 's/.*bench: *([0-9,]+) ns.*/\1/' | tr -d ,)"
  [ -n "$ns" ] || { cat "$WORK/criterion.out" >&2; die "no criterion figure for $name"; }
  result "check.$name.ns" "$ns"
done

say "figure 7: frontend bundle"
for kind in wasm js css; do
  raw=0 gz=0
  for f in "$SITE"/pkg/*."$kind"; do
    [ -f "$f" ] || continue
    raw=$((raw + $(wc -c <"$f")))
    gz=$((gz + $(gzip -9 -c "$f" | wc -c)))
  done
  result "bundle.$kind.raw" "$raw"
  result "bundle.$kind.gzip" "$gz"
done

if [ -f "$ROOT/bench/invalidation.sh" ]; then
  say "figure 8: invalidation latency between two instances (bench/invalidation.sh)"
  # Its contract: it starts (and stops) the instances it needs, may use this cluster (PG_URL,
  # PG_BIN), the release build (TARGET, SITE) and a work dir (BENCH_WORK), exits 0, and prints
  # lines with `p50` and `p99` each followed by a number and unit (e.g. "p50 1.8 ms").
  export PG_URL PG_PORT PG_BIN TARGET SITE BENCH_WORK="$WORK"
  if timeout 240 bash "$ROOT/bench/invalidation.sh" >"$WORK/invalidation.out" 2>&1; then
    cat "$WORK/invalidation.out" >&2
    result invalidation.output "$(grep -iE 'p50|p99' "$WORK/invalidation.out" | tr '\n' ' ')"
  else
    tail -n 20 "$WORK/invalidation.out" >&2
    result invalidation.output "FAILED"
  fi
fi
say "figure 9: a passkey sign-in ceremony (bench/passkey.sh)"
# Same contract as figure 8: it starts and stops what it needs and prints p50 and p99.
if timeout 240 bash "$ROOT/bench/passkey.sh" >"$WORK/passkey.out" 2>&1; then
  cat "$WORK/passkey.out" >&2
  result passkey.output "$(grep -iE 'p50|p99' "$WORK/passkey.out" | tr '\n' ' ')"
else
  tail -n 20 "$WORK/passkey.out" >&2
  result passkey.output "FAILED"
fi
result run.measure_seconds "$((SECONDS - MEASURE_START))"
result run.load_after "$(cut -d' ' -f1-3 /proc/loadavg)"

# ---------------------------------------------------------------------------------------------
cp "$RESULTS" "$TARGET/bench-results.txt" # the raw figures of the last run, for a closer look
TABLE="$WORK/table.md"
python3 "$ROOT/bench/table.py" "$RESULTS" >"$TABLE"
cat "$TABLE"
if $SAVE; then
  python3 "$ROOT/bench/table.py" --splice "$ROOT/bench/RESULTS.md" "$TABLE"
  say "table written to bench/RESULTS.md"
fi
