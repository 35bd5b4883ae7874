# Sourced by the other scripts: paths and small helpers. Not meant to be run.

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="$ROOT/node_modules/.bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

CARGO_LEPTOS_VERSION="0.3.10"
SQLX_CLI_VERSION="0.8.6"
# The server-side packages: what the tests build and run (scripts/test.sh).
TEST_PACKAGES=(-p app -p server -p accounts-server -p bench-invalidation -p bench-hello -p bench-seed -p bench-passkey --features app/ssr)
# What `cargo sqlx prepare` compiles to find every query macro: those packages, every target.
SQLX_PREPARE_ARGS=("${TEST_PACKAGES[@]}" --all-targets)

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

# Runs apt-get as root (directly or through sudo), updating the lists only when needed.
apt_install() {
  local sudo=""
  if [ "$(id -u)" != 0 ]; then
    command -v sudo >/dev/null || die "need root or sudo to install: $*"
    sudo="sudo"
  fi
  export DEBIAN_FRONTEND=noninteractive
  if ! $sudo apt-get install -y -q --no-install-recommends "$@" >/dev/null 2>&1; then
    $sudo apt-get update -q >/dev/null
    $sudo apt-get install -y -q --no-install-recommends "$@" >/dev/null
  fi
}

# The newest installed Postgres server binaries folder, or nothing.
pg_bin_dir() {
  ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1
}

# A TCP port nobody listens on right now.
free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}

# Waits until `url` answers 200, or fails after `timeout` seconds.
wait_for_http() {
  local url="$1" timeout="${2:-60}" start=$SECONDS
  until curl -fsS -o /dev/null "$url" 2>/dev/null; do
    (( SECONDS - start < timeout )) || return 1
    sleep 0.2
  done
}

# The action of the first form on the page at `url` that posts to the server function whose
# path starts with /api/`name` (server function paths end in a hash); empty when there is none.
form_action() {
  curl -fsS "$1" 2>/dev/null | grep -o "action=\"/api/$2[^\"]*\"" | head -n 1 | cut -d'"' -f2 || true
}

# Installs npm packages from the lockfile when node_modules is missing or older than it.
# `cargo install` for the tools the scripts run (cargo-leptos, wasm-bindgen-cli, sqlx-cli,
# s3s-fs). None is on a hot path, so a debug build serves: cargo-leptos built in 603 s that way
# against about 17 minutes with its release profile (LTO, one codegen unit), and rebuilt the
# site in 2.3 s against 1.8 s.
# Each builds in a target directory of its own, deleted afterwards: in the workspace's (CI sets
# CARGO_TARGET_DIR) it would wait for the workspace build's lock instead of running beside it.
cargo_install_tool() {
  local dir
  dir="$(mktemp -d "${TMPDIR:-/tmp}/cargo-install.XXXXXX")"
  if ! CARGO_TARGET_DIR="$dir" cargo install --debug "$@"; then
    rm -rf "$dir"
    return 1
  fi
  rm -rf "$dir"
}

npm_ci_if_needed() {
  local dir="$1"
  if [ ! -f "$dir/node_modules/.package-lock.json" ] || [ "$dir/package-lock.json" -nt "$dir/node_modules/.package-lock.json" ]; then
    say "installing npm packages in ${dir#"$ROOT"/}"
    (cd "$dir" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error)
  fi
}
