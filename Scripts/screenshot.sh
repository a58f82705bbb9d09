#!/usr/bin/env bash
# Renders the daily report's HTML page in headless Chromium and saves a phone-sized
# screenshot, to look at the charts. Not part of CI: it needs Debian's `chromium` and
# `fonts-noto-cjk` packages (apt-get install -y chromium fonts-noto-cjk).
#
#   Scripts/screenshot.sh REPORT.html [SCREENSHOT.png]
set -euo pipefail
page="${1:?usage: $0 REPORT.html [SCREENSHOT.png]}"
shot="${2:-${page%.html}.png}"
command -v chromium >/dev/null || { echo "screenshot: needs chromium (apt-get install chromium)" >&2; exit 1; }
chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=412,1600 \
  --screenshot="$shot" "file://$(realpath "$page")" 2>/dev/null
echo "screenshot: $shot"
