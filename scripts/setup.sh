#!/usr/bin/env bash
# Checks for and installs everything the app needs to build and run; with --tests, also what
# the tests need. Idempotent: a second run with everything present does nothing.
set -euo pipefail
source "$(dirname "$0")/common.sh"

tests=false
[ "${1:-}" = "--tests" ] && tests=true

command -v cargo >/dev/null || die "cargo is missing: install Rust with rustup (https://rustup.rs)"
command -v npm >/dev/null || { say "installing Node.js"; apt_install nodejs npm; }
command -v curl >/dev/null || apt_install curl
# webauthn-rs (passkeys) links the system OpenSSL, found through pkg-config.
if ! pkg-config --exists openssl 2>/dev/null; then
  say "installing the OpenSSL headers (passkeys)"
  apt_install libssl-dev pkg-config
fi

if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

if [ "$(cargo leptos --version 2>/dev/null | awk '{print $2}')" != "$CARGO_LEPTOS_VERSION" ]; then
  say "installing cargo-leptos $CARGO_LEPTOS_VERSION (about 17 minutes on 2 cores)"
  cargo install cargo-leptos --version "$CARGO_LEPTOS_VERSION" --locked --features no_downloads
fi

# wasm-bindgen-cli must match the wasm-bindgen library in Cargo.lock exactly. Its own lockfile
# wants a crate version missing from the registry mirror, hence no --locked.
wbg_version="$(awk '/^name = "wasm-bindgen"$/ {getline; gsub(/"/, "", $3); print $3; exit}' "$ROOT/Cargo.lock")"
if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$wbg_version" ]; then
  say "installing wasm-bindgen-cli $wbg_version"
  cargo install wasm-bindgen-cli --version "$wbg_version"
fi

# wasm-opt (npm binaryen) and sass, found by cargo-leptos on PATH.
npm_ci_if_needed "$ROOT"

if [ -z "$(pg_bin_dir)" ] && ! command -v pg_ctl >/dev/null; then
  say "installing the Postgres server"
  apt_install postgresql
fi

if $tests; then
  command -v /usr/bin/chromium >/dev/null || { say "installing Chromium"; apt_install chromium; }
  npm_ci_if_needed "$ROOT/end2end"
  command -v rustfmt >/dev/null || rustup component add rustfmt
  cargo clippy --version >/dev/null 2>&1 || rustup component add clippy
  # Checks that the query data in .sqlx/ matches the queries and migrations (test.sh).
  if [ "$(cargo sqlx --version 2>/dev/null | awk '{print $2}')" != "$SQLX_CLI_VERSION" ]; then
    say "installing sqlx-cli $SQLX_CLI_VERSION (about 4 minutes on 2 cores)"
    cargo install sqlx-cli --version "$SQLX_CLI_VERSION" --locked --no-default-features --features postgres,rustls
  fi
fi
