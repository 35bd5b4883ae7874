#!/usr/bin/env bash
# A/B of figures 2, 3 and 4 between this checkout and an earlier commit, in one run: both
# release builds serve side by side (one Postgres, a database each, the same seeded users) and
# take turns, A B B A A B ..., so a machine that drifts under the run (other tenants, thermal,
# the page cache) weighs on both alike. Separate runs of bench/run.sh differ by up to 25 % for
# one build; interleaved turns compare the builds to a few per cent.
#
# Per turn: figure 2 (GET /account, signed in, warm cache) of both builds for BENCH_DURATION
# seconds each, with the server's CPU time per page and the SQL it ran (the page itself is kept as
# $TARGET/ab/account-NAME.html); then figure 4 of both
# (the same during a storm of sign-ins) against the mean of the figure-2 turns around it of the
# same build. Prints medians (and the mean CPU per page) per build and B/A ratios; the raw turns
# stay in $TARGET/ab-results.txt.
#
# Usage: bench/ab.sh BASE_REV [TURNS]     (TURNS per build, default 6)
# Knobs: BENCH_DURATION (s per turn, 10), BENCH_CONNECTIONS (32), BENCH_HOT_SESSIONS (1000),
#        BENCH_NO_BUILD=1 (reuse the binaries the last run copied to $TARGET/ab),
#        BENCH_PERF=1 (after the turns, one profiled figure-2 turn per build, kept in $TARGET/ab;
#        BENCH_PERF_FREQ, BENCH_PERF_CALLGRAPH: perf record -F, --call-graph: fp (default), dwarf).
set -euo pipefail
BASE_REV="${1:?usage: bench/ab.sh BASE_REV [TURNS]}"
TURNS="${2:-6}"
source "$(dirname "$0")/lib.sh"
BIN="$TARGET/ab"
BASE_SHA="$(git rev-parse --verify "$BASE_REV^{commit}")" || die "no commit $BASE_REV"
HEAD_DESC="$(git rev-parse --short HEAD)$(git diff --quiet HEAD || echo '+changes')"

# build NAME DIR: release build of the checkout in DIR; server, seeder and site copied to
# $BIN/NAME (the shared target directory is overwritten by the next build).
build() {
  local name="$1" dir="$2" site
  say "building $name in release ($dir)"
  # Both checkouts share one target dir, and cargo's fingerprints use package-relative paths and
  # mtimes: without this, the second build can reuse the first one's workspace crates as fresh.
  find "$dir/app" "$dir/frontend" "$dir/server" "$dir/bench" -name '*.rs' -exec touch {} +
  (cd "$dir" && cargo leptos build --release && cargo build --release -p bench-seed)
  site="$dir/target/site"
  [ -f "$site/pkg/accounts.wasm" ] || site="$TARGET/site"
  rm -rf "${BIN:?}/$name"
  mkdir -p "$BIN/$name"
  cp "$TARGET/release/accounts-server" "$TARGET/release/bench-seed" "$BIN/$name/"
  cp -r "$site" "$BIN/$name/site"
}
if [ -z "${BENCH_NO_BUILD:-}" ]; then
  TREE="$TARGET/ab-base-tree"
  git worktree remove --force "$TREE" 2>/dev/null || rm -rf "$TREE"
  git worktree add --detach --force "$TREE" "$BASE_SHA" >/dev/null
  build a "$TREE"
  git worktree remove --force "$TREE"
  build b "$ROOT"
fi
for name in a b; do [ -x "$BIN/$name/accounts-server" ] || die "no build in $BIN/$name"; done

WORK="$(mktemp -d "${TMPDIR:-/tmp}/accounts-ab.XXXXXX")"
chmod 755 "$WORK"
RESULTS="$WORK/results"
: >"$RESULTS"
declare -A PID PORT
STORM_PID=""
cleanup() {
  local status=$?
  for p in $STORM_PID "${PID[@]}"; do kill "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done
  stop_postgres
  rm -rf "$WORK"
  exit "$status"
}
trap cleanup EXIT INT TERM

result() { printf '%s=%s\n' "$1" "$2" >>"$RESULTS"; }
# CPU ticks of Postgres: the postmaster's children (pooled backends live through a turn).
# A backend that exits between the listing and the read counts 0.
pg_ticks() {
  local main pid t=0
  main="$(head -n 1 "$PG_DIR/postmaster.pid")"
  for pid in $(pgrep -P "$main" || true); do
    t=$((t + $(cpu_ticks "$pid" 2>/dev/null || echo 0)))
  done
  echo "$t"
}
# bench_line FILE: the numbers of wrk's BENCH line (lua/report.lua) as shell assignments.
bench_line() { grep '^BENCH ' "$1" | sed 's/^BENCH //' || { cat "$1" >&2; die "no BENCH line in $1"; }; }

say "starting Postgres and both builds (a = $BASE_REV, b = $HEAD_DESC)"
start_postgres "$WORK"
psql_q "CREATE EXTENSION pg_stat_statements" >/dev/null
SECRET="$(head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n')"
# env_of NAME: the configuration of build NAME's server, also read by its seeder (cookies verify).
env_of() {
  echo SOCKET="127.0.0.1:${PORT[$1]}" SERVICE_DOMAIN="http://127.0.0.1:${PORT[$1]}" DATA_DIR="$WORK/data-$1" \
    DATABASE_URL="postgres://postgres@127.0.0.1:$PG_PORT/bench_$1" SECRET_KEY="$SECRET" \
    MEM_CACHE_CAPACITY=1000000 SIGN_IN_PER_IP_PER_MINUTE=1000000 LEPTOS_SITE_ROOT="$BIN/$1/site"
}
for name in a b; do
  psql_q "CREATE DATABASE bench_$name" >/dev/null
  PORT[$name]="$(free_port)"
  # shellcheck disable=SC2046 # the assignments have no spaces
  env $(env_of "$name") "$BIN/$name/accounts-server" >"$WORK/server-$name.log" 2>&1 &
  PID[$name]=$!
  if ! wait_for_http "http://127.0.0.1:${PORT[$name]}/healthz" 60; then
    tail -n 30 "$WORK/server-$name.log" >&2
    die "build $name did not become healthy"
  fi
  # shellcheck disable=SC2046
  env $(env_of "$name") "$BIN/$name/bench-seed" "$((HOT + STORM_ACCOUNTS))" 1 0 "$WORK/cookies-$name.txt" "$PASSWORD"
  status="$(curl -sS -o "$WORK/account-$name.html" -w '%{http_code}' \
    -H "Cookie: $(head -n 1 "$WORK/cookies-$name.txt")" "http://127.0.0.1:${PORT[$name]}/account")"
  [ "$status" = 200 ] && grep -q "bench-0@bench.test" "$WORK/account-$name.html" ||
    die "build $name: GET /account with a seeded cookie answered $status, not the signed-in page"
  result "$name.page_bytes" "$(wc -c <"$WORK/account-$name.html")"
  cp "$WORK/account-$name.html" "$BIN/account-$name.html"
  # Warm: every hot session once into the cache, then a short run.
  wrk -t1 -c"$CONNECTIONS" -d5s -s "$LUA/cookies.lua" "http://127.0.0.1:${PORT[$name]}/account" \
    -- "$WORK/cookies-$name.txt" 1 "$HOT" 1 >/dev/null
done

# page NAME TURN: one figure-2 turn of build NAME.
page() {
  local name="$1" turn="$2" out="$WORK/page-$1-$2.out" ticks calls
  ticks="$(cpu_ticks "${PID[$name]}")"
  calls="$(sql_calls "bench_$name")"
  wrk -t1 -c"$CONNECTIONS" -d"${DURATION}s" -s "$LUA/cookies.lua" "http://127.0.0.1:${PORT[$name]}/account" \
    -- "$WORK/cookies-$name.txt" 1 "$HOT" 1 >"$out" 2>&1 || { cat "$out" >&2; die "wrk failed"; }
  ticks=$(($(cpu_ticks "${PID[$name]}") - ticks))
  calls=$(($(sql_calls "bench_$name") - calls))
  local requests duration_us status_errors socket_errors p50_us bytes p90_us p99_us
  eval "$(bench_line "$out")"
  ((status_errors + socket_errors == 0)) || die "build $name: $status_errors status and $socket_errors socket errors"
  result "$name.page.$turn" "$(awk -v r="$requests" -v d="$duration_us" -v t="$ticks" -v hz="$(getconf CLK_TCK)" \
    -v p="$p50_us" -v s="$calls" 'BEGIN {printf "%.0f %.1f %d %d", r * 1e6 / d, t / hz * 1e6 / r, p, s}')"
}

# storm NAME TURN: figure 2 of build NAME while 8 connections sign in with argon2.
storm() {
  local name="$1" turn="$2" base="http://127.0.0.1:${PORT[$1]}" path
  path="$(form_action "$base/login" sign_in)"
  [ -n "$path" ] || die "build $name: no sign-in form action on /login"
  wrk -t1 -c"$STORM_CONNECTIONS" -d"$((DURATION + 4))s" -s "$LUA/signin.lua" "$base$path" \
    -- "$HOT" "$STORM_ACCOUNTS" "$PASSWORD" "$base" >"$WORK/storm-$name-$turn.out" 2>&1 &
  STORM_PID=$!
  sleep 2 # let the storm fill the argon2 queue before measuring
  local out="$WORK/during-$name-$turn.out" ticks pg
  ticks="$(cpu_ticks "${PID[$name]}")"
  pg="$(pg_ticks)"
  wrk -t1 -c"$CONNECTIONS" -d"${DURATION}s" -s "$LUA/cookies.lua" "$base/account" \
    -- "$WORK/cookies-$name.txt" 1 "$HOT" 1 >"$out" 2>&1 || { cat "$out" >&2; die "wrk failed"; }
  ticks=$(($(cpu_ticks "${PID[$name]}") - ticks))
  pg=$(($(pg_ticks) - pg))
  wait "$STORM_PID" || { cat "$WORK/storm-$name-$turn.out" >&2; die "the storm's wrk failed"; }
  STORM_PID=""
  local requests duration_us storm_requests storm_duration status_errors socket_errors p50_us bytes p90_us p99_us
  eval "$(bench_line "$WORK/storm-$name-$turn.out")"
  storm_requests=$requests storm_duration=$duration_us
  eval "$(bench_line "$out")"
  # Server and Postgres CPU during the measured seconds, in per cent of one core.
  result "$name.storm.$turn" "$(awk -v r="$requests" -v d="$duration_us" -v sr="$storm_requests" -v sd="$storm_duration" \
    -v t="$ticks" -v pg="$pg" -v hz="$(getconf CLK_TCK)" \
    'BEGIN {printf "%.0f %.1f %.0f %.0f", r * 1e6 / d, sr * 1e6 / sd, t / hz * 1e8 / d, pg / hz * 1e8 / d}')"
}

say "$TURNS turns per build of ${DURATION}s each, figure 2 of both then figure 4 of both, order A B B A ..."
# Both figure-2 turns before either storm: a page measured right after the other build's storm
# ran about 15 % slower (the machine still busy with its argon2 work), which made the medians
# of a run follow whichever build more often came second.
for ((turn = 1; turn <= TURNS; turn++)); do
  if ((turn % 2)); then order="a b"; else order="b a"; fi
  for name in $order; do page "$name" "$turn"; done
  for name in $order; do storm "$name" "$turn"; done
  say "turn $turn of $TURNS: $(grep "\.$turn=" "$RESULTS" | tr '\n' ' ')"
done
page a "$((TURNS + 1))"
page b "$((TURNS + 1))"
if [ -n "${BENCH_PERF:-}" ]; then
  command -v perf >/dev/null || { say "installing perf"; apt_install linux-perf; }
  for name in a b; do
    say "profiling figure 2 of build $name: $BIN/perf-$name.data (perf report -i ...; perf diff)"
    perf record -F "${BENCH_PERF_FREQ:-999}" --call-graph "${BENCH_PERF_CALLGRAPH:-fp}" -p "${PID[$name]}" -o "$BIN/perf-$name.data" -- sleep "$((DURATION - 2))" 2>/dev/null &
    perf_pid=$!
    page "$name" perf
    wait "$perf_pid" || die "perf record failed"
  done
fi
result run.load "$(cut -d' ' -f1-3 /proc/loadavg)"
cp "$RESULTS" "$TARGET/ab-results.txt"
python3 "$ROOT/bench/ab_table.py" "$RESULTS" "$BASE_REV" "$HEAD_DESC" "$DURATION"
