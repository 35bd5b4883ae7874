#!/usr/bin/env bash
# Runs every check and test against real services it starts itself on 127.0.0.1:
# formatting, clippy (server and browser sides), unit and integration tests against a private
# Postgres cluster, then Playwright in Debian's Chromium against a freshly built site.
# Everything it starts is stopped on exit, pass or fail.
#
# Usage: scripts/test.sh [lint] [unit] [e2e]   (no argument: all three, as CI runs it)
set -euo pipefail
source "$(dirname "$0")/common.sh"
source "$(dirname "$0")/services/postgres.sh"
source "$(dirname "$0")/services/s3.sh"
source "$(dirname "$0")/services/smtp.sh"

stages="${*:-lint unit e2e}"
want() { [[ " $stages " == *" $1 "* ]]; }

"$ROOT/scripts/setup.sh" --tests
cd "$ROOT"
TARGET="${CARGO_TARGET_DIR:-$ROOT/target}"

WORK="$(mktemp -d "${TMPDIR:-/tmp}/accounts-test.XXXXXX")"
chmod 755 "$WORK"
SERVER_PID=""

cleanup() {
  local status=$?
  if [ -n "$SERVER_PID" ]; then kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; fi
  stop_s3 2>/dev/null || true
  stop_smtp 2>/dev/null || true
  stop_postgres
  rm -rf "$WORK"
  exit "$status"
}
trap cleanup EXIT INT TERM

if want lint; then
  say "formatting"
  cargo fmt --all --check

  say "clippy (server side)"
  cargo clippy -p app -p server -p accounts-server --all-targets --features app/ssr -- -D warnings

  say "clippy (browser side)"
  cargo clippy -p app -p frontend --features app/hydrate --target wasm32-unknown-unknown -- -D warnings
fi

say "starting a private Postgres for tests"
# A throwaway cluster for the tests only (never the developer's .data/); each integration
# test creates its own database in it.
start_postgres "$WORK"
export TEST_DATABASE_URL="$PG_URL"

if want unit; then
  say "starting an S3-compatible server for tests"
  ensure_s3s_fs
  start_s3 "$WORK"
  # Tests read these; the app itself is configured per test (the browser tests use local disk).
  export TEST_BUCKET_ENDPOINT="$BUCKET_ENDPOINT" TEST_BUCKET_NAME="$BUCKET_NAME" TEST_BUCKET_REGION="$BUCKET_REGION" \
    TEST_BUCKET_ACCESS_KEY="$BUCKET_ACCESS_KEY" TEST_BUCKET_SECRET_KEY="$BUCKET_SECRET_KEY" TEST_S3_DATA_DIR="$S3_DATA_DIR"
  unset BUCKET_ENDPOINT BUCKET_NAME BUCKET_REGION BUCKET_ACCESS_KEY BUCKET_SECRET_KEY

  say "starting an SMTP server for tests"
  ensure_maildev
  start_smtp "$WORK"
  export TEST_MAILDEV_BIN="$ROOT/scripts/services/maildev/node_modules/.bin/maildev"

  say "unit and integration tests"
  # One test at a time per binary: each test runs its own app and runtime, and a rare hang was
  # seen with two in flight in one process (see the closing note of session 1).
  cargo test -p app -p server -p accounts-server --features app/ssr -- --test-threads=1
fi

want e2e || exit 0

say "building the site"
cargo leptos build --frontend-only
cargo build -p accounts-server

say "browser tests"
ensure_maildev
start_smtp "$WORK"
"$PG_BIN/createdb" -h 127.0.0.1 -p "$PG_PORT" -U postgres e2e
APP_PORT="$(free_port)"
BASE_URL="http://127.0.0.1:$APP_PORT"
SOCKET="127.0.0.1:$APP_PORT" SERVICE_DOMAIN="$BASE_URL" SERVICE_NAME="Accounts E2E" \
  SMTP_HOST="$TEST_SMTP_HOST" SMTP_TLS=plain NOREPLY_EMAIL=noreply@accounts.test \
  DATABASE_URL="postgres://postgres@127.0.0.1:$PG_PORT/e2e" DATA_DIR="$WORK/data" \
  SECRET_KEY="$(head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n')" \
  LEPTOS_SITE_ROOT="$ROOT/target/site" RUST_LOG="${RUST_LOG:-info}" \
  "$TARGET/debug/accounts-server" >"$WORK/server.log" 2>&1 &
SERVER_PID=$!
if ! wait_for_http "$BASE_URL/healthz" 60; then
  tail -n 50 "$WORK/server.log" >&2
  die "the server did not become healthy"
fi
if ! (cd end2end && BASE_URL="$BASE_URL" MAIL_API="$TEST_MAIL_API" npx playwright test); then
  say "server log (last 80 lines)"
  tail -n 80 "$WORK/server.log" >&2
  exit 1
fi
say "all checks and tests passed"
