# Sourced by scripts/test.sh after common.sh: an SMTP server for the tests (MailDev) that accepts
# every message and shows what it received through an HTTP API. Not meant to be run.
#
#   ensure_maildev       installs MailDev from scripts/services/maildev/package-lock.json when needed
#   start_smtp WORKDIR   starts it on two free ports (SMTP and HTTP API) with mail and log under
#                        WORKDIR, sets SMTP_PID and exports TEST_SMTP_HOST and TEST_MAIL_API
#   stop_smtp            stops it (call it from the caller's EXIT trap)
#   smtp_pause           kills it, to play an SMTP outage: connections are refused, the API is down too
#   smtp_resume          starts it again on the same ports, with no mail (the pause lost it)
#
# Call start_smtp and smtp_resume in the main shell, not in $(...): SMTP_PID must be a child of the
# shell that waits.
#
# SMTP ($TEST_SMTP_HOST, host:port): plain text only, so clients must connect without TLS and
# without credentials. Neither STARTTLS nor AUTH is advertised; AUTH is refused (500), and a forced
# STARTTLS gets 220 then a failed handshake. Every sender and recipient is accepted; nothing is
# relayed anywhere. Each connection reverse-resolves the client
# address through the system resolver (smtp-server does, MailDev has no flag against it); when no
# resolver answers, the greeting waits 1.5 s.
#
# API ($TEST_MAIL_API, JSON):
#   GET    /email              every message, oldest first; filters by dot paths, exact match,
#                              e.g. /email?to.address=a@b.test (an array matches if one item does)
#   GET    /email/ID           one message (and marks it read)
#   DELETE /email/all          deletes every message; answers `true`
#   DELETE /email/ID           deletes one
# A message has: id, subject, text, html (absent when the part is missing), from and to (arrays of
# {address, name} from the headers), envelope.from.address and envelope.to[].address (the SMTP
# MAIL FROM / RCPT TO, which include Bcc), headers (lower-case names), time, attachments.
# Mail is kept in memory, with a copy of each message as $WORKDIR/smtp-mail/ID.eml.

MAILDEV_DIR="$ROOT/scripts/services/maildev"
SMTP_PID="${SMTP_PID:-}"
SMTP_WORK=""
SMTP_PORT=""
SMTP_WEB_PORT=""

ensure_maildev() {
  npm_ci_if_needed "$MAILDEV_DIR"
}

# True when something on the SMTP port sends a 220 greeting.
smtp_greets() {
  ( exec 3<>"/dev/tcp/127.0.0.1/$SMTP_PORT" && IFS= read -r -t 2 line <&3 && [[ "$line" == 220* ]] ) 2>/dev/null
}

# Starts MailDev on SMTP_PORT and SMTP_WEB_PORT with an empty mailbox and waits until both answer.
smtp_launch() {
  local mail="$SMTP_WORK/smtp-mail" start=$SECONDS
  # MailDev reloads the .eml files it finds at start, in no useful order: begin empty each time.
  rm -rf "$mail"
  mkdir -p "$mail"
  # What bin/maildev does, except that an error on one SMTP connection is logged instead of
  # crashing MailDev 2.2.1 (it rethrows all but ECONNRESET: a client sending STARTTLS anyway, which
  # fails on smtp-server's built-in certificate, would end it). Errors of the server itself, such
  # as a port in use, carry no remoteAddress and still end it. MailDev parses process.argv from
  # its third item, as for a script: the splice puts a script path back where `node -e` has none.
  MAILDEV_HOME="$MAILDEV_DIR/node_modules/maildev" node -e '
    const home = process.env.MAILDEV_HOME
    process.argv.splice(1, 0, home + "/bin/maildev")
    require(home + "/lib/mailserver").onSmtpError = (err) => {
      if (!err.remoteAddress) throw err
      console.error("SMTP connection from %s failed: %s", err.remoteAddress, err.message)
    }
    new (require(home))().listen()
  ' -- --ip 127.0.0.1 --smtp "$SMTP_PORT" --web-ip 127.0.0.1 --web "$SMTP_WEB_PORT" \
    --mail-directory "$mail" >>"$SMTP_WORK/smtp.log" 2>&1 &
  SMTP_PID=$!

  # Ready when the SMTP port greets and the API lists the (empty) mailbox.
  until smtp_greets && curl -fsS -o /dev/null --max-time 2 "$TEST_MAIL_API/email" 2>/dev/null; do
    if ! kill -0 "$SMTP_PID" 2>/dev/null || (( SECONDS - start >= 30 )); then
      tail -n 30 "$SMTP_WORK/smtp.log" >&2
      stop_smtp
      die "MailDev did not become ready on SMTP $TEST_SMTP_HOST and API $TEST_MAIL_API"
    fi
    sleep 0.2
  done
}

# Sends SIGNAL to MailDev and waits for it to exit (at once on TERM, even with clients connected),
# killing it if it still runs after 5 s.
smtp_kill() {
  local signal="$1" start=$SECONDS
  [ -n "$SMTP_PID" ] || return 0
  # The group's stderr is dropped as a whole: bash would otherwise print "Killed" for the job later.
  {
    kill -s "$signal" "$SMTP_PID" || true
    while kill -0 "$SMTP_PID"; do
      if (( SECONDS - start >= 5 )); then
        kill -s KILL "$SMTP_PID" || true
        break
      fi
      sleep 0.1
    done
    wait "$SMTP_PID" || true
  } 2>/dev/null
  SMTP_PID=""
}

start_smtp() {
  local work="${1:-}"
  [ -n "$work" ] || die "start_smtp: WORKDIR missing"
  if [ -n "$SMTP_PID" ] && kill -0 "$SMTP_PID" 2>/dev/null; then
    return 0
  fi
  SMTP_WORK="$work"
  SMTP_PORT="$(free_port)"
  SMTP_WEB_PORT="$(free_port)"
  while [ "$SMTP_WEB_PORT" = "$SMTP_PORT" ]; do SMTP_WEB_PORT="$(free_port)"; done

  export TEST_SMTP_HOST="127.0.0.1:$SMTP_PORT"
  export TEST_MAIL_API="http://127.0.0.1:$SMTP_WEB_PORT"

  smtp_launch
}

stop_smtp() {
  smtp_kill TERM
}

# An abrupt stop, as a crash would be: open SMTP connections are cut without a reply.
smtp_pause() {
  [ -n "$SMTP_WORK" ] || die "smtp_pause: start_smtp was not called"
  smtp_kill KILL
}

# Node listens with SO_REUSEADDR, so the ports are free again at once (TIME_WAIT does not block).
smtp_resume() {
  [ -n "$SMTP_WORK" ] || die "smtp_resume: start_smtp was not called"
  if [ -n "$SMTP_PID" ] && kill -0 "$SMTP_PID" 2>/dev/null; then
    return 0
  fi
  smtp_launch
}
