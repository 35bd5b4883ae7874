#!/usr/bin/env bash
# Figure 9: the server time of a passkey sign-in ceremony (p50, p99 of its two requests on
# loopback). Builds in release, starts a private Postgres and one instance whose SERVICE_DOMAIN
# is a `localhost` origin (an IP address cannot be a WebAuthn relying party), runs
# `bench-passkey`, and stops everything it started, whatever happens.
# Usage: bench/passkey.sh [ceremonies]   (default 300)
set -euo pipefail
source "$(dirname "$0")/../scripts/common.sh"
source "$ROOT/scripts/services/postgres.sh"
cd "$ROOT"

CEREMONIES="${1:-300}"
TARGET="${CARGO_TARGET_DIR:-$ROOT/target}"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/accounts-passkey.XXXXXX")"
chmod 755 "$WORK"
SERVER_PID=""

cleanup() {
  local status=$?
  [ -n "$SERVER_PID" ] && { kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; }
  stop_postgres >/dev/null 2>&1 || true
  rm -rf "$WORK"
  exit "$status"
}
trap cleanup EXIT INT TERM

say "building in release (accounts-server, bench-passkey)"
cargo build --release -p accounts-server -p bench-passkey

say "starting a private Postgres and one instance"
start_postgres "$WORK"
PORT="$(free_port)"
SOCKET="127.0.0.1:$PORT" SERVICE_DOMAIN="http://localhost:$PORT" DATABASE_URL="$PG_URL" \
  SECRET_KEY="$(head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n')" DATA_DIR="$WORK/data" \
  SIGN_IN_PER_IP_PER_MINUTE=1000000 RUST_LOG=warn "$TARGET/release/accounts-server" >"$WORK/server.log" 2>&1 &
SERVER_PID=$!
if ! wait_for_http "http://127.0.0.1:$PORT/readyz" 60; then
  tail -n 30 "$WORK/server.log" >&2
  die "the instance did not become ready"
fi

say "$CEREMONIES passkey sign-ins, one at a time"
BENCH_URL="http://127.0.0.1:$PORT" BENCH_ORIGIN="http://localhost:$PORT" BENCH_CEREMONIES="$CEREMONIES" \
  "$TARGET/release/bench-passkey"
