# Sourced by bench/run.sh and bench/ab.sh: their common settings (both seed the same users and
# run the same storm) and readers of the numbers they measure.

source "$(dirname "${BASH_SOURCE[0]}")/../scripts/common.sh"
source "$ROOT/scripts/services/postgres.sh"

DURATION="${BENCH_DURATION:-10}"
CONNECTIONS="${BENCH_CONNECTIONS:-32}"
HOT="${BENCH_HOT_SESSIONS:-1000}"
STORM_ACCOUNTS=1000
STORM_CONNECTIONS=8
PASSWORD="storm of sign-ins 2026"
LUA="$ROOT/bench/lua"
TARGET="${CARGO_TARGET_DIR:-$ROOT/target}"

"$ROOT/scripts/setup.sh"
command -v wrk >/dev/null || { say "installing wrk"; apt_install wrk; }
cd "$ROOT"

# CPU ticks (user + system) a process has used so far.
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
psql_q() { "$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -Atqc "$1"; }
# Statements the app ran in database DB (these scripts' own queries run in `postgres`).
sql_calls() {
  psql_q "SELECT coalesce(sum(calls), 0) FROM pg_stat_statements
          WHERE dbid = (SELECT oid FROM pg_database WHERE datname = '$1')"
}
