#!/usr/bin/env bash
# The admin console's search at scale: p50 and p99 of the account search the app runs (its SQL
# read from `.sqlx/`, so the benchmark cannot drift from the code) over 1,000,000 accounts.
# Starts a private Postgres, applies the migrations, seeds the accounts in one statement
# (addresses `user<n>@example.com`, every other one with a username `member<n>`, every third a
# display name), then `pgbench` runs the search for random prefixes `user<k>` (k below 100,000:
# from a handful of matches to 11,111) and for exact usernames, and stops what it started.
# Usage: bench/admin-search.sh [accounts] [searches]   (default 1000000 2000)
set -euo pipefail
source "$(dirname "$0")/../scripts/common.sh"
source "$ROOT/scripts/services/postgres.sh"
cd "$ROOT"

ACCOUNTS="${1:-1000000}"
SEARCHES="${2:-2000}"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/accounts-search.XXXXXX")"
chmod 755 "$WORK"
cleanup() {
  local status=$?
  stop_postgres >/dev/null 2>&1 || true
  rm -rf "$WORK"
  exit "$status"
}
trap cleanup EXIT INT TERM

say "starting a private Postgres, applying the migrations"
start_postgres "$WORK"
for migration in .migrations/*.sql; do
  psql "$PG_URL" -q -v ON_ERROR_STOP=1 -1 -f "$migration" >/dev/null
done

say "seeding $ACCOUNTS accounts"
started=$SECONDS
psql "$PG_URL" -q -v ON_ERROR_STOP=1 <<SQL
INSERT INTO users (id, email, username, display_name, email_verified_at, created_at)
SELECT gen_random_uuid(), 'user' || g || '@example.com',
       CASE WHEN g % 2 = 0 THEN 'member' || g END,
       CASE WHEN g % 3 = 0 THEN 'Name ' || g END,
       CASE WHEN g % 5 <> 0 THEN now() END,
       now() - make_interval(secs => g)
FROM generate_series(1, $ACCOUNTS) g;
VACUUM ANALYZE users;
SQL
echo "seeded in $((SECONDS - started)) s"

# The app's statements (read from .sqlx/), their $1 … $9 turned into pgbench's variables: the
# capped collection of matching ids, then the page of a narrow prefix or the walk of a broad one,
# chosen as the app chooses (more than 2,000 matches: broad).
python3 - "$WORK" <<'PY'
import glob, json, re, sys
work = sys.argv[1]
found = [" ".join(json.load(open(f))["query"].split()) for f in glob.glob(".sqlx/query-*.json")]
def query(marker):
    return next(q for q in found if marker in q)
def bind(sql, params):
    return re.sub(r"\$\d+", lambda m: params[m.group(0)], sql)
infinity = ["'infinity'::timestamptz", "'ffffffff-ffff-ffff-ffff-ffffffffffff'::uuid", "51"]
def script(prefix):
    ids = bind(query('SELECT id AS "id!" FROM ( (SELECT id FROM users WHERE email ~>=~ $1'),
               {"$1": prefix, "$2": f"({prefix} || U&'\\+10FFFF')", "$3": "2001"})
    narrow = bind(query("FROM users u WHERE u.id = ANY($1)"),
                  {"$1": "(:ids)::uuid[]", "$2": "false", "$3": "false", "$4": "false", "$5": "false",
                   "$6": infinity[0], "$7": infinity[1], "$8": infinity[2]})
    broad = bind(query("FROM users u WHERE ((u.email ~>=~ $1"),
                 {"$1": prefix, "$2": f"({prefix} || U&'\\+10FFFF')", "$3": "false", "$4": "false",
                  "$5": "false", "$6": "false", "$7": infinity[0], "$8": infinity[1], "$9": infinity[2]})
    return (f"SELECT count(*) AS n, coalesce(array_agg(c.\"id!\"), '{{}}')::text AS ids FROM ({ids}) c\n\\gset\n"
            f"\\if :n <= 2000\n{narrow};\n\\else\n{broad};\n\\endif\n")
open(f"{work}/prefix.sql", "w").write("\\set k random(1, 99999)\n" + script("('user' || :k)"))
open(f"{work}/username.sql", "w").write("\\set k random(1, 500000)\n" + script("('member' || (:k * 2))"))
PY

run() {
  local name="$1"
  rm -f "$WORK"/pgbench_log.*
  (cd "$WORK" && "$PG_BIN/pgbench" -n -h 127.0.0.1 -p "$PG_PORT" -U postgres -M prepared -c 1 -t "$SEARCHES" \
    -f "$WORK/$name.sql" -l --log-prefix=pgbench_log postgres >/dev/null)
  # Each log line: client transaction latency(µs) …
  cat "$WORK"/pgbench_log.* | awk '{print $3}' | sort -n | awk -v name="$name" '
    { v[NR] = $1 } END { printf "%s search: p50 %.2f ms · p99 %.2f ms over %d searches\n", name, v[int(NR*0.5)]/1000, v[int(NR*0.99)]/1000, NR }'
}
say "searching ($SEARCHES each)"
run prefix
run username
