# Sourced by scripts/test.sh for its `watch` stage: the development loop of the README works.
# Starts `cargo leptos watch` with nothing configured but free ports and a throwaway DATA_DIR,
# waits for the page, then changes a style and a server file and sees each change served; the
# embedded Postgres must be the same running cluster after the server restarts (data kept).
# Uses WORK, ROOT and stop_pids from test.sh; everything it starts is stopped on the way out.

WATCH_PID=""
WATCH_DATA="$WORK/watch-data"
STYLE="$ROOT/style/main.scss"

watch_cleanup() {
  if [ -n "$WATCH_PID" ]; then
    kill -- "-$WATCH_PID" 2>/dev/null || true
    stop_pids "$WATCH_PID"
    # The server and cargo run in the watcher's process group; nothing may outlive the check.
    pkill -9 -g "$WATCH_PID" 2>/dev/null || true
    WATCH_PID=""
  fi
  [ -f "$WORK/main.scss.orig" ] && cp -p "$WORK/main.scss.orig" "$STYLE" && rm -f "$WORK/main.scss.orig"
  if [ -f "$WATCH_DATA/postgres/postmaster.pid" ]; then
    as_pg_owner "$(pg_bin_dir)/pg_ctl" -D "$WATCH_DATA/postgres" -m fast -w stop >/dev/null 2>&1 || true
  fi
}

# Waits until `url` serves a body containing `text`, for at most `timeout` seconds.
wait_for_text() {
  local url="$1" text="$2" timeout="$3" start=$SECONDS
  until curl -fsS "$url" 2>/dev/null | grep -qF -- "$text"; do
    (( SECONDS - start < timeout )) || return 1
    sleep 0.5
  done
}

server_pid() { pgrep -g "$WATCH_PID" -x accounts-server | head -n1; }

run_watch_check() {
  local port reload probe before_pg before_server after_server
  port="$(free_port)"
  reload="$(free_port)"
  mkdir -p "$WATCH_DATA"
  say "cargo leptos watch on 127.0.0.1:$port"
  # setsid: its own process group, so the watcher, cargo and the server stop together.
  SOCKET="127.0.0.1:$port" LEPTOS_SITE_ADDR="127.0.0.1:$port" LEPTOS_RELOAD_PORT="$reload" DATA_DIR="$WATCH_DATA" \
    setsid cargo leptos watch >"$WORK/watch.log" 2>&1 &
  WATCH_PID=$!
  local url="http://127.0.0.1:$port"
  if ! wait_for_text "$url/" "</html>" 900; then
    tail -n 40 "$WORK/watch.log" >&2
    die "cargo leptos watch did not serve the home page"
  fi
  before_pg="$(head -n1 "$WATCH_DATA/postgres/postmaster.pid")"
  before_server="$(server_pid)"

  say "a style change is served"
  probe="watch-probe-$RANDOM$RANDOM"
  cp -p "$STYLE" "$WORK/main.scss.orig"
  printf '\n.%s {\n  color: red;\n}\n' "$probe" >>"$STYLE"
  if ! wait_for_text "$url/pkg/accounts.css" "$probe" 120; then
    tail -n 40 "$WORK/watch.log" >&2
    die "the changed style was not served"
  fi
  cp -p "$WORK/main.scss.orig" "$STYLE" && rm -f "$WORK/main.scss.orig"

  say "a server change rebuilds and restarts; the embedded Postgres keeps running"
  touch "$ROOT/server/src/lib.rs"
  local start=$SECONDS
  while :; do
    after_server="$(server_pid || true)"
    if [ -n "$after_server" ] && [ "$after_server" != "$before_server" ] && curl -fsS -o /dev/null "$url/healthz" 2>/dev/null; then
      break
    fi
    if (( SECONDS - start > 600 )); then
      tail -n 40 "$WORK/watch.log" >&2
      die "the server was not rebuilt and restarted after a change to server/"
    fi
    sleep 0.5
  done
  wait_for_text "$url/" "</html>" 60 || die "the restarted server did not serve the home page"
  [ "$(head -n1 "$WATCH_DATA/postgres/postmaster.pid")" = "$before_pg" ] ||
    die "the embedded Postgres was restarted with the server"
  [ "$(grep -c 'creating the embedded Postgres cluster' "$WORK/watch.log")" = 1 ] ||
    die "the embedded Postgres cluster was created more than once"
  watch_cleanup
}
