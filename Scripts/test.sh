#!/usr/bin/env bash
# The test command: every Swift Testing suite, a short run of each reliability driver, and the
# benchmark on a small office (to prove the script works; its figures are not checked). Each
# stage prints how long it took.
set -euo pipefail
cd "$(dirname "$0")/.."
# Everything the suites and drivers need, installed before the first stage, not at the last.
source Scripts/packages.sh
need_packages -dev:libsqlite3-dev sqlite3 hyperfine time

stage() {
  local start=$SECONDS
  echo "== $*"
  "$@"
  echo "== $* took $((SECONDS - start)) s"
}

stage swift build --build-tests
stage swift test
export DEPOT_BINARY="$(swift build --show-bin-path)/depot"
stage bash Scripts/race.sh --rounds 5
stage bash Scripts/crash.sh --kills 20 --imports 2 --lines 10000
stage bash Scripts/concurrency.sh --workers 4 --operations 25
stage bash Scripts/badinput.sh
stage bash Scripts/diskfull.sh --attempts 10
stage bash Scripts/attack.sh --short
stage bash Scripts/bench.sh --rows 20000
