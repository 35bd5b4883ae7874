#!/usr/bin/env bash
# Each table has one owning module, and SQL on it lives there only (ARCHITECTURE.md, "Table
# ownership"): a rule about a table is then written once. Fails naming every statement that
# reads or writes a table from outside its owner, and every table the migrations create that
# has no owner here. Tests (server/main/tests) and the benchmarks' seeders (bench/, bulk
# fixtures) may query anything.
#
# Usage: scripts/check-table-owners.sh
set -euo pipefail
cd "$(dirname "$0")/.."

# table → owning files or directories (a path prefix each). `users/ways_in.rs` reads the
# three tables that hold ways in: the "never the last way in" rule is one query.
declare -A OWNER=(
  [users]="server/src/users/"
  [deleted_users]="server/src/users/mod.rs"
  [email_tokens]="server/src/email_tokens.rs"
  [email_codes]="server/src/email_codes.rs"
  [admin_audit]="server/src/admin/audit.rs"
  [outbox]="server/src/mail/outbox.rs"
  [passkeys]="server/src/passkeys/store.rs server/src/users/ways_in.rs"
  [webauthn_ceremonies]="server/src/passkeys/ceremony.rs"
  [user_identities]="server/src/oidc/identities.rs server/src/users/ways_in.rs"
  [oidc_flows]="server/src/oidc/flows.rs"
  [sessions]="server/src/session/store.rs"
  [security_events]="server/src/trail/"
  [sign_in_throttle]="server/src/auth/lockout.rs"
  [two_step]="server/src/two_step/ server/src/users/directory.rs"
  [two_step_setups]="server/src/two_step/"
  [recovery_codes]="server/src/two_step/"
  [code_guesses]="server/src/two_step/"
  [pending_sign_ins]="server/src/two_step/"
)
# Tables a later migration dropped.
DROPPED=" login_throttle "

failed=0
for table in $(grep -hoE 'CREATE TABLE (IF NOT EXISTS )?[a-z_]+' .migrations/*.sql | awk '{print $NF}' | sort -u); do
  [[ "$DROPPED" == *" $table "* ]] && continue
  if [ -z "${OWNER[$table]:-}" ]; then
    echo "error: table $table (created in .migrations/) has no owner in scripts/check-table-owners.sh" >&2
    failed=1
  fi
done

for table in "${!OWNER[@]}"; do
  while IFS=: read -r file line _; do
    [ -n "$file" ] || continue
    owned=0
    for prefix in ${OWNER[$table]}; do
      [[ "$file" == "$prefix"* ]] && owned=1
    done
    if [ "$owned" = 0 ]; then
      echo "error: $file:$line touches table $table, owned by ${OWNER[$table]// / and }" >&2
      failed=1
    fi
  done < <(grep -rnE --include='*.rs' "\b(FROM|JOIN|INTO|UPDATE|DELETE FROM|TABLE)[[:space:]]+$table\b" \
    server/src app/src 2>/dev/null | grep -vE '^[^:]+:[0-9]+:[[:space:]]*//' || true)
done

if [ "$failed" != 0 ]; then
  echo "Move the statement into the owning module (and call it from there), or change the owner here and in ARCHITECTURE.md." >&2
  exit 1
fi
echo "table owners: every statement on ${#OWNER[@]} tables is in its owning module"
