#!/usr/bin/env bash
# Regenerates end2end/screenshots/*.png: home, sign-up, account and security at 1280 and 375 px.
# Starts the same services and two app instances as the browser tests (scripts/test.sh e2e).
set -euo pipefail
cd "$(dirname "$0")/.."
PLAYWRIGHT_CONFIG=playwright.screenshots.config.ts exec ./scripts/test.sh e2e
