#!/usr/bin/env python3
"""The `.sqlx/` check without a build of its own (scripts/test.sh, lint stage).

The lint stage builds the tests once with the query macros online (SQLX_OFFLINE=false against a
freshly migrated database) and SQLX_OFFLINE_DIR pointing at an empty folder, where each macro
writes the query data it derived. This script does the two ends of that:

  query-data.py touch            makes cargo expand every query macro again (a build that reused
                                 its crates would write nothing): the crate roots of every
                                 workspace target that can hold a query get a new mtime.
  query-data.py compare DIR      fails unless DIR and `.sqlx/` hold the same queries with the
                                 same data (compared as JSON), naming what differs.
  query-data.py write DIR        makes `.sqlx/` hold exactly DIR's queries (what `cargo sqlx
                                 prepare` does with its own build), for developers without
                                 sqlx-cli.

This is what `cargo sqlx prepare --check` does, minus its `cargo check` of the whole workspace
(a second compilation of every dependency, in check mode).
"""

import json
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIX = ("run `cargo sqlx prepare --workspace -- ${SQLX_PREPARE_ARGS[@]}` against a migrated "
       "database (README, SQL checked at compile time)")


def touch() -> None:
    meta = json.loads(subprocess.run(
        ["cargo", "metadata", "--no-deps", "--format-version", "1"],
        cwd=ROOT, check=True, capture_output=True, text=True).stdout)
    now = time.time()
    for package in meta["packages"]:
        if not any(d["name"] in ("sqlx", "server") for d in package["dependencies"]):
            continue
        for target in package["targets"]:
            os.utime(target["src_path"], (now, now))


def queries(folder: Path) -> dict:
    return {p.name: json.loads(p.read_text()) for p in folder.glob("query-*.json")}


def compare(built: Path) -> int:
    derived, checked_in = queries(built), queries(ROOT / ".sqlx")
    problems = []
    if not derived:
        problems.append(f"the build wrote no query data to {built} (were the macros online?)")
    for name in sorted(derived.keys() - checked_in.keys()):
        problems.append(f".sqlx/ lacks {name}: a query is new or changed")
    for name in sorted(checked_in.keys() - derived.keys()):
        problems.append(f".sqlx/{name} is no longer used by any query")
    for name in sorted(derived.keys() & checked_in.keys()):
        if derived[name] != checked_in[name]:
            problems.append(f".sqlx/{name} differs from what the migrated database describes")
    for problem in problems:
        print(f"error: {problem}", file=sys.stderr)
    if problems:
        print(f"error: `.sqlx/` is stale: {FIX}", file=sys.stderr)
        return 1
    print(f"query data in .sqlx/ matches: {len(derived)} queries", file=sys.stderr)
    return 0


def write(built: Path) -> int:
    derived = sorted(built.glob("query-*.json"))
    if not derived:
        print(f"error: no query data in {built}", file=sys.stderr)
        return 1
    target = ROOT / ".sqlx"
    target.mkdir(exist_ok=True)
    for old in target.glob("query-*.json"):
        old.unlink()
    for new in derived:
        (target / new.name).write_bytes(new.read_bytes())
    print(f".sqlx/ now holds {len(derived)} queries", file=sys.stderr)
    return 0


if __name__ == "__main__":
    if sys.argv[1:] == ["touch"]:
        touch()
    elif len(sys.argv) == 3 and sys.argv[1] == "compare":
        sys.exit(compare(Path(sys.argv[2])))
    elif len(sys.argv) == 3 and sys.argv[1] == "write":
        sys.exit(write(Path(sys.argv[2])))
    else:
        sys.exit(__doc__)
