#!/usr/bin/env bash
# Checks that every environment variable the server reads is documented: a `NAME=` or
# `# NAME=` line in .env.example and a row of the configuration table in README.md
# ("## Configuration"). Cheap (grep and sed over the sources, no build); the lint stage of
# scripts/test.sh runs it first.
#
# The names come from the sources, not from a list kept by hand:
# - server/src/config/ (where the configuration is parsed): every string literal that is a whole
#   upper-case name, such as "SESSION_TTL" in `get("SESSION_TTL")`, `parse::duration("SESSION_TTL",
#   …)` or a `const GROUP: [&str; 5] = ["BUCKET_ENDPOINT", …]`, so a new helper still counts.
#   Test code (tests.rs, `mod tests { … }`) and `//` comment lines are skipped. A name built at
#   run time (format!("BUCKET_{x}")) would not be seen: spell names out.
# - the rest of server/src and server/main/src: direct `env::var("NAME")` / `env::var_os("NAME")`
#   reads (LOG_FORMAT in telemetry.rs, PG_BIN_DIR in db/embedded.rs).
# Not seen, and documented by hand: what libraries read themselves (RUST_LOG through
# tracing-subscriber's EnvFilter, LEPTOS_SITE_ROOT and the other LEPTOS_* through Leptos).
#
# Usage: scripts/check-config.sh          (exit 1 naming each variable missing somewhere)
#        scripts/check-config.sh --list   (print the names found, one a line, and exit)
set -euo pipefail
shopt -s globstar nullglob
source "$(dirname "$0")/common.sh"
cd "$ROOT"
export LC_ALL=C # one collation for sort and comm

CONFIG_DIR=server/src/config
ENV_EXAMPLE=.env.example
README=README.md

# Read by the server but deliberately not configuration, so not in .env.example or README:
ALLOWED=(
  PATH # db/embedded.rs looks for pg_ctl on it as a last resort; the system's, not the app's
)
# Prefixes out of scope: test harness and Cargo variables.
ALLOWED_PREFIXES=(TEST_ CARGO_)

# Rust sources of `dir` without test files, as one stream: test modules and comment lines removed.
rust_sources() {
  local file files=()
  for file in "$1"/**/*.rs; do
    case "$file" in */tests.rs | */tests/*) continue ;; esac
    files+=("$file")
  done
  [ ${#files[@]} -gt 0 ] || return 0
  sed -E -e '/^(pub )?mod tests \{/,/^\}/d' -e '/^[[:space:]]*\/\//d' "${files[@]}"
}

read_names() {
  # Configuration module: every literal that is a whole upper-case name.
  rust_sources "$CONFIG_DIR" | grep -oE '"[A-Z][A-Z0-9]*(_[A-Z0-9]+)*"' | tr -d '"' || true
  # Elsewhere in the server: direct reads of the environment.
  {
    rust_sources server/src
    rust_sources server/main/src
  } | grep -oE 'env::var(_os)?\("[A-Z][A-Z0-9_]*"\)' | sed -E 's/.*\("([A-Z0-9_]+)"\)/\1/' || true
}

allowed() {
  local name="$1" entry
  for entry in "${ALLOWED[@]}"; do [ "$name" = "$entry" ] && return 0; done
  for entry in "${ALLOWED_PREFIXES[@]}"; do [[ "$name" == "$entry"* ]] && return 0; done
  return 1
}

found="$(read_names | sort -u)"
[ -n "$found" ] || die "found no variable names in $CONFIG_DIR: has the configuration code moved? (fix scripts/check-config.sh)"
names=""
while read -r name; do
  allowed "$name" || names+="$name"$'\n'
done <<<"$found"
names="$(printf '%s' "$names" | sort -u)"

if [ "${1:-}" = "--list" ]; then
  printf '%s\n' "$names"
  exit 0
fi

# `NAME=value` or `# NAME=` (commented out: optional, default computed or empty).
in_env_example="$(grep -oE '^(# ?)?[A-Z][A-Z0-9_]*=' "$ENV_EXAMPLE" | sed -E 's/^# ?//; s/=$//' | sort -u)"
# The first cell of each row of the table under "## Configuration" (up to the next "## ").
in_readme="$(sed -n '/^## Configuration$/,/^## /p' "$README" | grep -E '^\|' |
  sed -E 's/^\|([^|]*)\|.*/\1/' | grep -oE '`[A-Z][A-Z0-9_]*`' | tr -d '`' | sort -u || true)"
[ -n "$in_readme" ] || die "found no configuration table under \"## Configuration\" in $README"

# Where a name is read, for the message.
read_in() {
  grep -rlE "\"$1\"" "$CONFIG_DIR" server/src server/main/src --include='*.rs' 2>/dev/null | grep -v 'tests' | head -n 1
}

# report_missing DOCUMENTED WHERE: an error line for each name read but not in DOCUMENTED.
missing=0
report_missing() {
  local name
  while read -r name; do
    [ -n "$name" ] || continue
    printf 'error: %s (read in %s) is missing from %s\n' "$name" "$(read_in "$name")" "$2" >&2
    missing=1
  done < <(comm -23 <(printf '%s\n' "$names") <(printf '%s\n' "$1"))
}
report_missing "$in_env_example" "$ENV_EXAMPLE: add a commented line with what it does and its default"
report_missing "$in_readme" "the configuration table in $README (section \"## Configuration\")"

[ "$missing" = 0 ] || die "configuration variables undocumented (see above); names come from scripts/check-config.sh --list"
echo "configuration: all $(printf '%s\n' "$names" | wc -l) variables the server reads are in $ENV_EXAMPLE and $README"
