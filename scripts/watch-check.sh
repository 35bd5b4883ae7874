# Sourced by scripts/test.sh for its `watch` stage: the development loop of the README works.
# Starts `cargo leptos watch` with nothing configured but free ports and a throwaway DATA_DIR,
# waits for the page, changes a style and then a component and sees each change served. The
# account made before the component change must still be there after the server restarted on
# the embedded Postgres (created once, never re-initialised).
# Uses WORK, ROOT, TARGET and stop_pids from test.sh; everything it starts is stopped, and the
# two changed files are restored, on the way out (also when the check fails).

WATCH_PID=""
WATCH_DATA="$WORK/watch-data"
STYLE="$ROOT/style/main.scss"
COMPONENT="$ROOT/app/src/components/layout.rs"

watch_cleanup() {
  if [ -n "$WATCH_PID" ]; then
    # cargo-leptos starts the server in a process group of its own, but in its session.
    pkill -TERM -s "$WATCH_PID" 2>/dev/null || true
    stop_pids "$WATCH_PID"
    pkill -KILL -s "$WATCH_PID" 2>/dev/null || true
    WATCH_PID=""
  fi
  local file
  for file in "$STYLE" "$COMPONENT"; do
    [ -f "$WORK/$(basename "$file").orig" ] && mv "$WORK/$(basename "$file").orig" "$file"
  done
  if [ -f "$WATCH_DATA/postgres/postmaster.pid" ]; then
    as_pg_owner "$(pg_bin_dir)/pg_ctl" -D "$WATCH_DATA/postgres" -m fast -w stop >/dev/null 2>&1 || true
  fi
  return 0
}

# Waits until `url` serves a body containing `text`, for at most `timeout` seconds.
wait_for_text() {
  local url="$1" text="$2" timeout="$3" start=$SECONDS
  until curl -fsS "$url" 2>/dev/null | grep -qF -- "$text"; do
    (( SECONDS - start < timeout )) || return 1
    sleep 0.5
  done
}

watch_failed() {
  tail -n 40 "$WORK/watch.log" >&2
  die "$1"
}

run_watch_check() {
  local port reload url probe email action status
  port="$(free_port)"
  reload="$(free_port)"
  url="http://127.0.0.1:$port"
  mkdir -p "$WATCH_DATA"
  say "cargo leptos watch on 127.0.0.1:$port"
  # setsid: a session of its own, so the watcher, cargo and the server stop together.
  LEPTOS_SITE_ADDR="127.0.0.1:$port" LEPTOS_RELOAD_PORT="$reload" DATA_DIR="$WATCH_DATA" \
    setsid cargo leptos watch >"$WORK/watch.log" 2>&1 &
  WATCH_PID=$!
  wait_for_text "$url/" "</html>" 900 || watch_failed "cargo leptos watch did not serve the home page"

  say "an account made through the running app"
  email="watch-$RANDOM$RANDOM@example.com"
  action="$(form_action "$url/signup" sign_up)"
  [ -n "$action" ] || watch_failed "no sign-up form on /signup"
  # The default SERVICE_DOMAIN is http://localhost:PORT: the origin the CSRF check expects.
  status="$(curl -sS -o /dev/null -w '%{http_code}' -X POST "$url$action" -H "Origin: http://localhost:$port" -H 'Accept: text/html' \
    --data-urlencode "email=$email" --data-urlencode "password=correct horse battery staple")"
  [[ "$status" == 30* ]] || watch_failed "sign-up answered $status"

  say "a style change is served without a restart"
  probe="watch-probe-$RANDOM$RANDOM"
  cp -p "$STYLE" "$WORK/main.scss.orig"
  printf '\n.%s {\n  color: red;\n}\n' "$probe" >>"$STYLE"
  wait_for_text "$url/pkg/accounts.css" "$probe" 120 || watch_failed "the changed style was not served"
  mv "$WORK/main.scss.orig" "$STYLE"

  say "a component change rebuilds, restarts and is served; the account is still there"
  cp -p "$COMPONENT" "$WORK/layout.rs.orig"
  grep -qF '<span>{site.service_name}</span>' "$COMPONENT" || die "the footer of layout.rs changed: update watch-check.sh"
  sed -i "s|<span>{site.service_name}</span>|<span>{site.service_name}</span><span>\"$probe\"</span>|" "$COMPONENT"
  wait_for_text "$url/" "<span>$probe</span>" 900 || watch_failed "the changed component was not served"
  DATA_DIR="$WATCH_DATA" "$TARGET/debug/accounts-server" users show "$email" >"$WORK/watch-user.txt" 2>&1 ||
    { cat "$WORK/watch-user.txt" >&2; die "the account made before the restart is gone"; }
  [ "$(grep -c 'creating the embedded Postgres cluster' "$WORK/watch.log")" = 1 ] ||
    watch_failed "the embedded Postgres cluster was created more than once"
  watch_cleanup
}
