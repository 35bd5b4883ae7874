# Sourced by scripts/test.sh after common.sh: a GitHub-shaped OAuth2 server for the browser tests
# (scripts/services/github.mjs, node without packages). Not meant to be run.
#
#   start_github WORKDIR REDIRECT_URI  starts it on a free port, sets GITHUB_PID and exports
#                                      TEST_GITHUB_URL, TEST_GITHUB_CLIENT_ID, TEST_GITHUB_CLIENT_SECRET
#   stop_github                        stops it (call it from the caller's EXIT trap)
#
# The app takes GITHUB_URL=$TEST_GITHUB_URL and GITHUB_API_URL=$TEST_GITHUB_URL/api. What a login
# signs in as is set with PUT $TEST_GITHUB_URL/__test/users/LOGIN (see github.mjs).

GITHUB_PID="${GITHUB_PID:-}"

start_github() {
  local work="${1:-}" redirect="${2:-}" port start=$SECONDS
  [ -n "$work" ] && [ -n "$redirect" ] || die "start_github: WORKDIR and REDIRECT_URI needed"
  port="$(free_port)"
  export TEST_GITHUB_URL="http://127.0.0.1:$port"
  export TEST_GITHUB_CLIENT_ID="accounts-github-test"
  export TEST_GITHUB_CLIENT_SECRET="accounts-github-test-secret"
  node "$ROOT/scripts/services/github.mjs" "$port" "$TEST_GITHUB_CLIENT_ID" "$TEST_GITHUB_CLIENT_SECRET" "$redirect" \
    >>"$work/github.log" 2>&1 &
  GITHUB_PID=$!
  until curl -sS -o /dev/null --max-time 2 "$TEST_GITHUB_URL/api/user" 2>/dev/null; do
    if ! kill -0 "$GITHUB_PID" 2>/dev/null || (( SECONDS - start >= 20 )); then
      tail -n 30 "$work/github.log" >&2
      stop_github
      die "the GitHub fake did not start on $TEST_GITHUB_URL"
    fi
    sleep 0.2
  done
}

stop_github() {
  if [ -n "$GITHUB_PID" ]; then
    kill "$GITHUB_PID" 2>/dev/null || true
    wait "$GITHUB_PID" 2>/dev/null || true
    GITHUB_PID=""
  fi
}
