# Sourced after common.sh by scripts/test.sh and bench/run.sh: a throwaway Postgres cluster on a
# free 127.0.0.1 port, tuned for speed over durability, with pg_stat_statements preloaded (to
# count SQL per request). Not meant to be run.
#
#   start_postgres WORKDIR   initdb into WORKDIR/postgres and start it; sets PG_BIN, PG_DIR,
#                            PG_PORT and PG_URL (postgres://postgres@127.0.0.1:PORT/postgres)
#   stop_postgres            stops it (call it from the caller's EXIT trap)
#   as_pg_owner CMD...       runs CMD as the cluster's owner (the postgres user when root)

PG_DIR="${PG_DIR:-}"

as_pg_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

start_postgres() {
  local work="${1:-}"
  [ -n "$work" ] || die "start_postgres: WORKDIR missing"
  PG_BIN="$(pg_bin_dir)"
  [ -n "$PG_BIN" ] || PG_BIN="$(dirname "$(command -v pg_ctl)")"
  PG_DIR="$work/postgres"
  mkdir -p "$PG_DIR"
  [ "$(id -u)" = 0 ] && chown postgres:postgres "$PG_DIR"
  as_pg_owner "$PG_BIN/initdb" -D "$PG_DIR" -U postgres -A trust -E UTF8 --no-instructions >/dev/null
  PG_PORT="$(free_port)"
  as_pg_owner "$PG_BIN/pg_ctl" -D "$PG_DIR" -l "$PG_DIR/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $PG_PORT -k $PG_DIR -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=400 -c shared_preload_libraries=pg_stat_statements" \
    start >/dev/null
  PG_URL="postgres://postgres@127.0.0.1:$PG_PORT/postgres"
}

stop_postgres() {
  if [ -n "$PG_DIR" ] && [ -f "$PG_DIR/postmaster.pid" ]; then
    as_pg_owner "$PG_BIN/pg_ctl" -D "$PG_DIR" -m immediate -w stop >/dev/null 2>&1 || true
  fi
}
