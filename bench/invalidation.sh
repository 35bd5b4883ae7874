#!/usr/bin/env bash
# Figure for "several instances": revokes 1,000 sessions through instance A and prints p50/p99
# (and max) of the time until instance B refuses them. Goal: p99 <= 100 ms on loopback.
#
# Builds in release, starts a private Postgres on 127.0.0.1 and two instances of the server
# sharing it and one SECRET_KEY, runs `bench-invalidation`, and stops everything it started,
# whatever happens. Usage: bench/invalidation.sh [sessions]   (default 1000)
set -euo pipefail
source "$(dirname "$0")/../scripts/common.sh"
cd "$ROOT"

SESSIONS="${1:-1000}"
TARGET="${CARGO_TARGET_DIR:-$ROOT/target}"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/accounts-bench.XXXXXX")"
chmod 755 "$WORK"
PG_BIN="$(pg_bin_dir)"
[ -n "$PG_BIN" ] || PG_BIN="$(dirname "$(command -v pg_ctl)")"
PG_DIR="$WORK/postgres"
PIDS=()

as_pg_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

cleanup() {
  local status=$?
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
  if [ -f "$PG_DIR/postmaster.pid" ]; then as_pg_owner "$PG_BIN/pg_ctl" -D "$PG_DIR" -m fast -w stop >/dev/null 2>&1 || true; fi
  rm -rf "$WORK"
  exit "$status"
}
trap cleanup EXIT INT TERM

say "building in release (accounts-server, bench-invalidation)"
cargo build --release -p accounts-server -p bench-invalidation

say "starting a private Postgres"
mkdir -p "$PG_DIR"
[ "$(id -u)" = 0 ] && chown postgres:postgres "$PG_DIR"
as_pg_owner "$PG_BIN/initdb" -D "$PG_DIR" -U postgres -A trust -E UTF8 --no-instructions >/dev/null
PG_PORT="$(free_port)"
as_pg_owner "$PG_BIN/pg_ctl" -D "$PG_DIR" -l "$PG_DIR/server.log" -w -t 60 \
  -o "-c listen_addresses=127.0.0.1 -p $PG_PORT -k $PG_DIR" start >/dev/null
"$PG_BIN/createdb" -h 127.0.0.1 -p "$PG_PORT" -U postgres bench
DATABASE_URL="postgres://postgres@127.0.0.1:$PG_PORT/bench"

SECRET_KEY="$(head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n')"
PORT_A="$(free_port)"
ORIGIN="http://127.0.0.1:$PORT_A"
start_instance() {
  local name="$1" port="$2"
  SOCKET="127.0.0.1:$port" SERVICE_DOMAIN="$ORIGIN" DATABASE_URL="$DATABASE_URL" SECRET_KEY="$SECRET_KEY" \
    DATA_DIR="$WORK/data" RUST_LOG=warn "$TARGET/release/accounts-server" >"$WORK/$name.log" 2>&1 &
  PIDS+=($!)
  if ! wait_for_http "http://127.0.0.1:$port/readyz" 60; then
    tail -n 30 "$WORK/$name.log" >&2
    die "instance $name did not become ready"
  fi
  curl -fsS "http://127.0.0.1:$port/readyz" | grep -q '"listener":"connected"' \
    || die "instance $name has no invalidation listener"
}
say "starting instances A and B"
start_instance a "$PORT_A"
PORT_B="$(free_port)"
start_instance b "$PORT_B"

say "revoking $SESSIONS sessions through A, timing until B refuses each"
BENCH_A="http://127.0.0.1:$PORT_A" BENCH_B="http://127.0.0.1:$PORT_B" BENCH_ORIGIN="$ORIGIN" \
  DATABASE_URL="$DATABASE_URL" SECRET_KEY="$SECRET_KEY" BENCH_SESSIONS="$SESSIONS" \
  "$TARGET/release/bench-invalidation"
