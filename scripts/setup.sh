#!/usr/bin/env bash
# Checks for and installs everything the app needs to build and run; with --tests, also what
# the tests need. Idempotent: a second run with everything present does nothing.
#
# Usage: scripts/setup.sh [--tests] [--no-cargo-tools] [--sqlx-cli]
#        scripts/setup.sh --cargo-tools [--tests]
# The tools `cargo install` builds from source (cargo-leptos, wasm-bindgen-cli, and with --tests
# s3s-fs) take most of a cold set-up. --sqlx-cli also installs sqlx-cli, which regenerates the
# query data in .sqlx/ after a query or migration changed (README; the tests check .sqlx/
# without it). --no-cargo-tools skips them; --cargo-tools
# installs only them, in the order the test command needs them, touching
# "$TOOLS_DONE_DIR/<name>" after each when TOOLS_DONE_DIR is set: scripts/test.sh runs that in
# the background while the first workspace build runs, and waits for each tool where it is used.
set -euo pipefail
source "$(dirname "$0")/common.sh"
source "$(dirname "$0")/services/s3.sh"

tests=false
system=true
cargo_tools=true
sqlx_cli=false
for arg in "$@"; do
  case "$arg" in
    --tests) tests=true ;;
    --no-cargo-tools) cargo_tools=false ;;
    --cargo-tools) system=false ;;
    --sqlx-cli) sqlx_cli=true ;;
    *) die "unknown option $arg (see the usage at the top of scripts/setup.sh)" ;;
  esac
done

done_tool() {
  if [ -n "${TOOLS_DONE_DIR:-}" ]; then touch "$TOOLS_DONE_DIR/$1"; fi
}

install_system() {
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
  fi
}

# In the order the test command first needs them: what builds the site (end of lint), then
# s3s-fs (unit).
install_cargo_tools() {
  # wasm-bindgen-cli must match the wasm-bindgen library in Cargo.lock exactly. Its own lockfile
  # wants a crate version missing from the registry mirror, hence no --locked.
  wbg_version="$(awk '/^name = "wasm-bindgen"$/ {getline; gsub(/"/, "", $3); print $3; exit}' "$ROOT/Cargo.lock")"
  if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$wbg_version" ]; then
    say "installing wasm-bindgen-cli $wbg_version"
    cargo_install_tool wasm-bindgen-cli --version "$wbg_version"
  fi
  done_tool wasm-bindgen-cli

  if [ "$(cargo leptos --version 2>/dev/null | awk '{print $2}')" != "$CARGO_LEPTOS_VERSION" ]; then
    say "installing cargo-leptos $CARGO_LEPTOS_VERSION (about 10 minutes on 2 cores)"
    cargo_install_tool cargo-leptos --version "$CARGO_LEPTOS_VERSION" --locked --features no_downloads
  fi
  done_tool cargo-leptos

  if $tests; then
    ensure_s3s_fs
    done_tool s3s-fs
  fi
  if $sqlx_cli && [ "$(cargo sqlx --version 2>/dev/null | awk '{print $2}')" != "$SQLX_CLI_VERSION" ]; then
    say "installing sqlx-cli $SQLX_CLI_VERSION"
    cargo_install_tool sqlx-cli --version "$SQLX_CLI_VERSION" --locked --no-default-features --features postgres,rustls
  fi
}

if $system; then install_system; fi
if $cargo_tools || $sqlx_cli; then install_cargo_tools; fi
