#!/usr/bin/env bash
# The test command: every Swift Testing suite, then a short run of each reliability driver.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build --build-tests
swift test
export DEPOT_BINARY="$(swift build --show-bin-path)/depot"
bash Scripts/race.sh --rounds 5
bash Scripts/crash.sh --kills 20
bash Scripts/concurrency.sh --workers 4 --operations 25
bash Scripts/badinput.sh
bash Scripts/diskfull.sh --attempts 10
