#!/usr/bin/env bash
# Builds and serves the app. With nothing configured it uses an embedded Postgres under
# .data/, files on local disk and mail written to .data/mail/. Extra arguments go to
# `cargo leptos serve` (for example --release).
set -euo pipefail
source "$(dirname "$0")/common.sh"
"$ROOT/scripts/setup.sh"
cd "$ROOT"
exec cargo leptos serve "$@"
