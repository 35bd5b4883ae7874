#!/usr/bin/env bash
# Runs every check and test against real services it starts itself on 127.0.0.1:
# every variable the server reads documented (scripts/check-config.sh), formatting, clippy
# (server and browser sides), unit and integration tests against a private Postgres cluster,
# then Playwright in Debian's Chromium against a freshly built site served by two instances
# behind a round-robin proxy (no sticky sessions).
# Everything it starts is stopped on exit, pass or fail, and each stage's wall time is printed.
#
# Usage: scripts/test.sh [lint] [unit] [e2e] [watch]   (no argument: all four, as CI runs it)
#        E2E_ONLY=tests/links.spec.ts scripts/test.sh e2e   (some Playwright files only)
set -euo pipefail
source "$(dirname "$0")/common.sh"
source "$(dirname "$0")/services/postgres.sh"
source "$(dirname "$0")/services/s3.sh"
source "$(dirname "$0")/services/smtp.sh"
source "$(dirname "$0")/services/oidc.sh"
source "$(dirname "$0")/services/github.sh"

stages="${*:-lint unit e2e watch}"
want() { [[ " $stages " == *" $1 "* ]]; }

# Wall time of each stage, printed on exit (pass or fail) by print_stage_times: a stage that
# finished is recorded by stage_end, the one running when the script stops is shown as failed.
STAGE_TIMES=()
STAGE_NAME=""
STAGE_START=0
stage_start() { STAGE_NAME="$1"; STAGE_START=$SECONDS; }
stage_end() {
  STAGE_TIMES+=("stage $STAGE_NAME: $((SECONDS - STAGE_START)) s")
  STAGE_NAME=""
}
print_stage_times() {
  [ -z "$STAGE_NAME" ] || STAGE_TIMES+=("stage $STAGE_NAME: $((SECONDS - STAGE_START)) s (failed)")
  STAGE_NAME=""
  [ ${#STAGE_TIMES[@]} -gt 0 ] || return 0
  printf '%s\n' "${STAGE_TIMES[@]}" >&2
  STAGE_TIMES=() # once, although cleanup runs twice after Ctrl-C (INT, then EXIT)
}

# Until cleanup below takes over (setup.sh may fail before there is anything to clean up).
trap print_stage_times EXIT

# Plain text, no tools needed: a missing variable fails before minutes of set-up.
if want lint; then
  say "configuration documented (.env.example and README); SQL only in each table's owner; no module cycles"
  "$(dirname "$0")/check-config.sh"
  "$(dirname "$0")/check-table-owners.sh"
  python3 "$(dirname "$0")/check-module-cycles.py"
fi

stage_start setup

"$ROOT/scripts/setup.sh" --tests --no-cargo-tools
cd "$ROOT"
TARGET="${CARGO_TARGET_DIR:-$ROOT/target}"

WORK="$(mktemp -d "${TMPDIR:-/tmp}/accounts-test.XXXXXX")"
chmod 755 "$WORK"
SERVER_PIDS=()

# The tools cargo builds from source install in the background, in their own process group,
# while the first workspace build runs; each stage waits for the one it uses (need_tool). On a
# warm machine this finds them all present at once.
mkdir "$WORK/tools"
TOOLS_DONE_DIR="$WORK/tools" setsid "$ROOT/scripts/setup.sh" --cargo-tools --tests >"$WORK/tools.log" 2>&1 &
TOOLS_PID=$!
need_tool() {
  local name="$1" waited=false
  while [ ! -e "$WORK/tools/$name" ]; do
    if ! kill -0 "$TOOLS_PID" 2>/dev/null; then
      [ -e "$WORK/tools/$name" ] && break
      tail -n 40 "$WORK/tools.log" >&2
      die "installing $name failed (the tool installs' log is above)"
    fi
    $waited || say "waiting for $name to finish installing"
    waited=true
    sleep 1
  done
  if $waited; then say "$name installed"; fi
}

# Asks processes to stop, gives them 15 s, then kills what is left: a failed run must end too.
stop_pids() {
  local pid tries=150
  [ $# -gt 0 ] || return 0
  for pid in "$@"; do kill "$pid" 2>/dev/null || true; done
  while (( tries-- > 0 )); do
    local alive=0
    for pid in "$@"; do kill -0 "$pid" 2>/dev/null && alive=1; done
    [ "$alive" = 0 ] && break
    sleep 0.1
  done
  for pid in "$@"; do kill -9 "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
}

cleanup() {
  local status=$?
  print_stage_times
  declare -F watch_cleanup >/dev/null && watch_cleanup
  kill -TERM -- "-$TOOLS_PID" 2>/dev/null || true
  wait "$TOOLS_PID" 2>/dev/null || true
  stop_pids "${SERVER_PIDS[@]}"
  stop_s3 2>/dev/null || true
  stop_smtp 2>/dev/null || true
  stop_oidc 2>/dev/null || true
  stop_github 2>/dev/null || true
  stop_postgres
  rm -rf "$WORK"
  exit "$status"
}
trap cleanup EXIT INT TERM

say "starting a private Postgres for tests"
# A throwaway cluster for the tests only (never the developer's .data/); each integration
# test creates its own database in it.
start_postgres "$WORK"
export TEST_DATABASE_URL="$PG_URL"
stage_end

# Clippy runs inside the builds the tests need (as `cargo clippy` does, through the rustc wrapper
# it sets), so no crate is compiled a second time just to be linted: every workspace crate of
# every build below, server and browser side, is linted with `-D warnings`. Every cargo command of
# the run sees the same wrapper, so each reuses what the one before built.
RUSTC_WORKSPACE_WRAPPER="$(rustc --print sysroot)/bin/clippy-driver"
[ -x "$RUSTC_WORKSPACE_WRAPPER" ] || die "clippy-driver is missing: rustup component add clippy"
export RUSTC_WORKSPACE_WRAPPER CLIPPY_ARGS="-D__CLIPPY_HACKERY__warnings__CLIPPY_HACKERY__"

if want lint; then
  stage_start lint
  say "formatting"
  cargo fmt --all --check

  # Every other build reads the query data in .sqlx/ (SQLX_OFFLINE=true in .cargo/config.toml).
  # This one runs the query macros against a freshly migrated database, and each writes what it
  # derived to SQLX_OFFLINE_DIR, which must match .sqlx/ (cargo sqlx prepare --check, without
  # its separate `cargo check` of the whole workspace).
  say "clippy and the query data in .sqlx/, building the tests (server side)"
  "$PG_BIN/createdb" -h 127.0.0.1 -p "$PG_PORT" -U postgres sqlx_check
  sqlx_url="postgres://postgres@127.0.0.1:$PG_PORT/sqlx_check"
  for migration in .migrations/*.sql; do
    "$PG_BIN/psql" -q -X -v ON_ERROR_STOP=1 -1 -d "$sqlx_url" -f "$migration" >/dev/null
  done
  mkdir "$WORK/sqlx"
  python3 "$ROOT/scripts/query-data.py" touch
  SQLX_OFFLINE=false SQLX_OFFLINE_DIR="$WORK/sqlx" DATABASE_URL="$sqlx_url" \
    cargo test --no-run "${SQLX_PREPARE_ARGS[@]}"
  python3 "$ROOT/scripts/query-data.py" compare "$WORK/sqlx"

  say "clippy, building the site (browser side)"
  need_tool cargo-leptos
  cargo leptos build --frontend-only
  stage_end
fi

if want unit; then
  stage_start unit
  say "starting an S3-compatible server for tests"
  need_tool s3s-fs
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
  # seen with two in flight in one process.
  cargo test "${TEST_PACKAGES[@]}" -- --test-threads=1
  stage_end
fi

if want e2e; then
  stage_start e2e
  say "building the site"
  need_tool cargo-leptos
  cargo leptos build --frontend-only
  cargo build -p accounts-server

  say "browser tests"
  ensure_maildev
  start_smtp "$WORK"
  "$PG_BIN/createdb" -h 127.0.0.1 -p "$PG_PORT" -U postgres e2e
  # Two instances of one deployment (one database, SECRET_KEY and DATA_DIR) behind a proxy that
  # sends each request to the next instance: every browser test also checks that they behave as
  # one server. Every browser signs up from 127.0.0.1, so the per-IP sign-up limit (tested in
  # the integration tests) is raised above what the suite needs.
  # `localhost`, not 127.0.0.1: an IP address cannot be a WebAuthn relying party (passkeys).
  BASE_URL="http://localhost:$(free_port)"
  # A real OpenID Connect provider plays Google, a second one a company's provider ("Acme SSO",
  # authoritative for acme.test), and a GitHub-shaped server GitHub; each sends the browser back
  # through the proxy.
  ensure_oidc_provider
  export OIDC_REDIRECT_URIS="$BASE_URL/auth/google/callback,$BASE_URL/auth/acme/callback"
  start_oidc "$WORK"
  start_oidc_second "$WORK"
  start_github "$WORK" "$BASE_URL/auth/github/callback"
  SECRET_KEY="$(head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n')"
  UPSTREAMS=()
  start_instance() {
    local name="$1" port
    port="$(free_port)"
    GOOGLE_CLIENT_ID="$TEST_OIDC_CLIENT_ID" GOOGLE_CLIENT_SECRET="$TEST_OIDC_CLIENT_SECRET" GOOGLE_ISSUER_URL="$TEST_OIDC_ISSUER" \
      GITHUB_CLIENT_ID="$TEST_GITHUB_CLIENT_ID" GITHUB_CLIENT_SECRET="$TEST_GITHUB_CLIENT_SECRET" \
      GITHUB_URL="$TEST_GITHUB_URL" GITHUB_API_URL="$TEST_GITHUB_URL/api" \
      OIDC_PROVIDERS=acme OIDC_ACME_ISSUER="$TEST_OIDC2_ISSUER" OIDC_ACME_LABEL="Acme SSO" \
      OIDC_ACME_CLIENT_ID="$TEST_OIDC_CLIENT_ID" OIDC_ACME_CLIENT_SECRET="$TEST_OIDC_CLIENT_SECRET" \
      OIDC_ACME_AUTHORITATIVE_DOMAINS=acme.test \
      SOCKET="127.0.0.1:$port" SERVICE_DOMAIN="$BASE_URL" SERVICE_NAME="Accounts E2E" TRUSTED_PROXY_HOPS=1 \
      SIGN_UP_PER_IP_PER_HOUR=1000 \
      SMTP_HOST="$TEST_SMTP_HOST" SMTP_TLS=plain NOREPLY_EMAIL=noreply@accounts.test \
      DATABASE_URL="postgres://postgres@127.0.0.1:$PG_PORT/e2e" DATA_DIR="$WORK/data" SECRET_KEY="$SECRET_KEY" \
      LEPTOS_SITE_ROOT="$ROOT/target/site" RUST_LOG="${RUST_LOG:-info}" \
      "$TARGET/debug/accounts-server" >"$WORK/server-$name.log" 2>&1 &
    SERVER_PIDS+=($!)
    if ! wait_for_http "http://127.0.0.1:$port/healthz" 60; then
      tail -n 50 "$WORK/server-$name.log" >&2
      die "server $name did not become healthy"
    fi
    UPSTREAMS+=("http://127.0.0.1:$port")
  }
  start_instance a
  start_instance b
  node "$ROOT/scripts/services/round-robin.mjs" "${BASE_URL##*:}" "${UPSTREAMS[@]}" >"$WORK/proxy.log" 2>&1 &
  SERVER_PIDS+=($!)
  wait_for_http "$BASE_URL/healthz" 20 || die "the round-robin proxy did not start: $(cat "$WORK/proxy.log")"
  # The operator's command line against the same deployment, for the console's browser test.
  cat >"$WORK/accounts-cli" <<CLI
#!/bin/sh
DATABASE_URL="postgres://postgres@127.0.0.1:$PG_PORT/e2e" DATA_DIR="$WORK/data" SECRET_KEY="$SECRET_KEY" \\
  SERVICE_DOMAIN="$BASE_URL" RUST_LOG=warn exec "$TARGET/debug/accounts-server" "\$@"
CLI
  chmod +x "$WORK/accounts-cli"
  if ! (cd end2end && ACCOUNTS_CLI="$WORK/accounts-cli" BASE_URL="$BASE_URL" MAIL_API="$TEST_MAIL_API" OIDC_ISSUER="$TEST_OIDC_ISSUER" OIDC2_ISSUER="$TEST_OIDC2_ISSUER" GITHUB_URL="$TEST_GITHUB_URL" npx playwright test ${PLAYWRIGHT_CONFIG:+--config "$PLAYWRIGHT_CONFIG"} ${E2E_ONLY:-} 2>&1 | tee "$WORK/playwright.log"); then
    for name in a b; do
      say "server $name log (last 60 lines)"
      tail -n 60 "$WORK/server-$name.log" >&2
    done
    # Last on stderr, so a CI log that keeps only the end still names the failing tests.
    say "browser tests that failed"
    grep -E '✘|[0-9]+ (failed|flaky)|Error:|expect\(' "$WORK/playwright.log" | tail -n 60 >&2 || true
    exit 1
  fi
  stop_pids "${SERVER_PIDS[@]}"
  SERVER_PIDS=()
  stage_end
fi

if want watch; then
  stage_start watch
  need_tool cargo-leptos
  source "$ROOT/scripts/watch-check.sh"
  run_watch_check
  stage_end
fi
say "all checks and tests passed"
