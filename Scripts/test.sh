#!/usr/bin/env bash
# The test command: every Swift Testing suite, then the short reliability drivers.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build
swift test
