# Sourced by scripts/test.sh after common.sh: an OpenID Connect provider for the tests that plays
# Google (oidc-provider 9 with its development sign-in pages, in memory). Not meant to be run.
#
#   ensure_oidc_provider  installs it from scripts/services/oidc/package-lock.json when needed
#   start_oidc WORKDIR    starts it on a free port with its log under WORKDIR, sets OIDC_PID and
#                         exports TEST_OIDC_ISSUER, TEST_OIDC_CLIENT_ID and TEST_OIDC_CLIENT_SECRET
#   stop_oidc             stops it (call it from the caller's EXIT trap)
#   oidc_allow_redirect_uri URI   allows one more redirect URI while it runs
#
# Call start_oidc in the main shell, not in $(...): OIDC_PID must be a child of the shell that waits.
# The caller must export OIDC_REDIRECT_URIS first: the app's callback URI(s), comma-separated,
# e.g. http://127.0.0.1:APP_PORT/auth/google/callback. They are matched exactly, port included,
# as Google does; an app started later on another port needs oidc_allow_redirect_uri (or the
# POST /__test/redirect_uris below) before its first sign-in.
#
# The issuer is http://127.0.0.1:PORT, without trailing slash: the app must be given that exact
# string, since the openidconnect crate compares it as a string with the discovery document's.
# Endpoints: /.well-known/openid-configuration, /auth, /token, /jwks, /me (userinfo). One client,
# authorization code flow only, PKCE S256 required, the secret accepted in the Authorization
# header (client_secret_basic, the crate's default) or in the form body (client_secret_post).
# ID tokens are RS256 with a key made at each start, and carry the user's claims as Google's do.
#
# In a browser, each "Continue with Google" goes through the same pages, whatever ran before:
#   GET  /auth?...                    303 to /interaction/UID
#   GET  /interaction/UID             page "Sign-in": text field login (placeholder "Enter any
#                                     login"), password field password ("and password"), button
#                                     "Sign-in", link "[ Cancel ]"
#   POST /interaction/UID             (the button) 303 to /auth/UID
#   GET  /auth/UID                    303 to REDIRECT_URI?code=...&state=...&iss=ISSUER
# Any login is accepted with any password, becomes the user's id (the ID token's sub) and is
# never remembered: the next authorization asks again. There is no consent page: every requested
# scope (openid email profile) is granted. The "[ Cancel ]" link (GET /interaction/UID/abort)
# plays a user who backs out: 303 to /auth/UID, then to
# REDIRECT_URI?error=access_denied&error_description=End-User+aborted+interaction&state=...&iss=...
# A request the provider cannot send back (unknown client, redirect URI not allowed) answers 400
# with a page "Error" naming the error (e.g. invalid_redirect_uri); other errors (no PKCE, plain
# PKCE) go back to the redirect URI as error=invalid_request.
#
# Control API ($TEST_OIDC_ISSUER/__test, JSON):
#   PUT    /__test/users/LOGIN        sets the claims LOGIN (URL-encoded) signs in with, e.g.
#                                     {"email": "a@b.test", "email_verified": false, "name": "A B",
#                                     "picture": "http://..."}; also given_name, family_name, locale.
#                                     A claim left out keeps its default, null drops it; answers
#                                     the resulting claims
#   GET    /__test/users/LOGIN        those claims
#   DELETE /__test/users/LOGIN        back to the defaults: email LOGIN@example.com (or LOGIN
#                                     itself when it holds an @), email_verified true, no name
#                                     and no picture
#   POST   /__test/redirect_uris      {"redirect_uri": "http://..."} allows one more redirect URI
#   GET    /__test/redirect_uris      the allowed redirect URIs
#
# Node 20 gets a line "Unsupported runtime. Use Node.js v22.x LTS" in the log at each start:
# oidc-provider 9 says so of every Node before 22, installs cleanly and works on 20 all the same.

OIDC_DIR="$ROOT/scripts/services/oidc"
OIDC_CLIENT_ID="accounts-test"
OIDC_CLIENT_SECRET="accounts-test-secret"
OIDC_PID="${OIDC_PID:-}"

ensure_oidc_provider() {
  npm_ci_if_needed "$OIDC_DIR"
}

start_oidc() {
  local work="${1:-}" port start=$SECONDS
  [ -n "$work" ] || die "start_oidc: WORKDIR missing"
  [ -n "${OIDC_REDIRECT_URIS:-}" ] || die "start_oidc: OIDC_REDIRECT_URIS missing (the app's callback URIs, comma-separated)"
  if [ -n "$OIDC_PID" ] && kill -0 "$OIDC_PID" 2>/dev/null; then
    return 0
  fi
  port="$(free_port)"

  export TEST_OIDC_ISSUER="http://127.0.0.1:$port"
  export TEST_OIDC_CLIENT_ID="$OIDC_CLIENT_ID"
  export TEST_OIDC_CLIENT_SECRET="$OIDC_CLIENT_SECRET"

  OIDC_REDIRECT_URIS="$OIDC_REDIRECT_URIS" node "$OIDC_DIR/provider.mjs" "$port" >>"$work/oidc.log" 2>&1 &
  OIDC_PID=$!

  # Ready when the discovery document answers: the port, the client and the keys are set up.
  until curl -fsS -o /dev/null --max-time 2 "$TEST_OIDC_ISSUER/.well-known/openid-configuration" 2>/dev/null; do
    if ! kill -0 "$OIDC_PID" 2>/dev/null || (( SECONDS - start >= 30 )); then
      tail -n 30 "$work/oidc.log" >&2
      stop_oidc
      die "the OpenID Connect provider did not become ready on $TEST_OIDC_ISSUER"
    fi
    sleep 0.2
  done
}

# A second, separate provider (its own issuer, keys and users) on another free port, for a
# generic OpenID Connect provider beside Google: exports TEST_OIDC2_ISSUER. Same client, same
# OIDC_REDIRECT_URIS; stop_oidc stops it too.
OIDC2_PID="${OIDC2_PID:-}"
start_oidc_second() {
  local work="${1:-}" saved_pid="$OIDC_PID" saved_issuer="${TEST_OIDC_ISSUER:-}"
  [ -n "$work" ] || die "start_oidc_second: WORKDIR missing"
  mkdir -p "$work/oidc2"
  OIDC_PID=""
  start_oidc "$work/oidc2"
  OIDC2_PID="$OIDC_PID"
  export TEST_OIDC2_ISSUER="$TEST_OIDC_ISSUER"
  OIDC_PID="$saved_pid"
  export TEST_OIDC_ISSUER="$saved_issuer"
}

stop_oidc() {
  local pid
  for pid in "$OIDC_PID" "$OIDC2_PID"; do
    if [ -n "$pid" ]; then
      kill "$pid" 2>/dev/null || true
      wait "$pid" 2>/dev/null || true
    fi
  done
  OIDC_PID=""
  OIDC2_PID=""
}

oidc_allow_redirect_uri() {
  local uri="${1:-}" answer
  [ -n "$uri" ] || die "oidc_allow_redirect_uri: URI missing"
  [ -n "${TEST_OIDC_ISSUER:-}" ] || die "oidc_allow_redirect_uri: start_oidc was not called"
  answer="$(curl -sS --max-time 5 -w ' %{http_code}' -X POST -H "content-type: application/json" \
    --data "$(python3 -c 'import json,sys; print(json.dumps({"redirect_uri": sys.argv[1]}))' "$uri")" \
    "$TEST_OIDC_ISSUER/__test/redirect_uris" 2>&1)" || die "oidc_allow_redirect_uri: $answer"
  [[ "$answer" == *" 200" ]] || die "oidc_allow_redirect_uri: the provider refused $uri: ${answer% *}"
}
