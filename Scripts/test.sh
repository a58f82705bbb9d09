#!/usr/bin/env bash
# The test command: every Swift Testing suite, a short run of each reliability driver, and the
# benchmark on a small office (to prove the script works; its figures are not checked).
set -euo pipefail
cd "$(dirname "$0")/.."
swift build --build-tests
swift test
export DEPOT_BINARY="$(swift build --show-bin-path)/depot"
bash Scripts/race.sh --rounds 5
bash Scripts/crash.sh --kills 20 --imports 2 --lines 10000
bash Scripts/concurrency.sh --workers 4 --operations 25
bash Scripts/badinput.sh
bash Scripts/diskfull.sh --attempts 10
bash Scripts/attack.sh --short
bash Scripts/bench.sh --rows 20000
