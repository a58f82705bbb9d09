#!/usr/bin/env bash
# The test command: every Swift Testing suite, then a short run of each reliability driver.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build --build-tests
swift test
bash Scripts/race.sh --rounds 5
