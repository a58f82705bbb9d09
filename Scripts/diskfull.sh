#!/usr/bin/env bash
# Disk-full and read-only driver (SPEC §3 I8): puts the database on a tiny filesystem, fills
# the filesystem, and runs receipts until they fail; then remounts it read-only and tries
# again. Every refusal must be one clear sentence with exit code 1, and afterwards the
# database must pass SQLite's integrity check and `depot ledger verify`, holding exactly the
# receipts that succeeded. Needs permission to mount a tmpfs (root); says so and stops if not.
#
#   Scripts/diskfull.sh [--attempts N]      (default 40; CI runs 10)
set -euo pipefail
cd "$(dirname "$0")/.."
attempts=40
source Scripts/options.sh "[--attempts N]" "$@"
source Scripts/lib.sh
mount_point="$work/tiny"
mkdir -p "$mount_point"
if ! mount -t tmpfs -o size=1m tmpfs "$mount_point" 2>/dev/null; then
  echo "diskfull: skipped: cannot mount a tmpfs here (needs root)"
  exit 0
fi
trap 'umount "$mount_point" 2>/dev/null || true; rm -rf "$work"' EXIT
export DEPOT_DB="$mount_point/office.sqlite"
set_up_office

fail() { echo "diskfull: $*" >&2; exit 1; }
expect_refusal() {
  local code="$1" err="$2" word="$3"
  [ "$code" -eq 1 ] || fail "a refused receipt exited $code: $(cat "$err")"
  [ "$(wc -l <"$err")" -eq 1 ] || fail "the refusal was not one line: $(cat "$err")"
  grep -q "^error: .*$word" "$err" || fail "the refusal did not say '$word': $(cat "$err")"
}

received=0
dd if=/dev/zero of="$mount_point/filler" bs=4k 2>/dev/null || true
full_refusals=0
for attempt in $(seq 1 "$attempts"); do
  code=0
  depot donation receive --from DON-RC --to WH-A --item GLOVE --qty 7 --value 0 --as wang \
    >/dev/null 2>"$work/err" || code=$?
  if [ "$code" -eq 0 ]; then
    received=$((received + 7))
  else
    expect_refusal "$code" "$work/err" "full"
    full_refusals=$((full_refusals + 1))
  fi
done
[ "$full_refusals" -gt 0 ] || fail "the full disk never refused a receipt"
rm -f "$mount_point/filler"
check_database || fail "the database does not check out after the disk was full"
[ "$(total_on_hand GLOVE)" -eq "$received" ] || fail "the stock is not what succeeded"

mount -o remount,ro "$mount_point"
code=0
depot donation receive --from DON-RC --to WH-A --item GLOVE --qty 7 --value 0 --as wang \
  >/dev/null 2>"$work/err" || code=$?
expect_refusal "$code" "$work/err" "read-only"
mount -o remount,rw "$mount_point"
check_database || fail "the database does not check out after the read-only attempt"
[ "$(total_on_hand GLOVE)" -eq "$received" ] || fail "the stock changed on a read-only disk"
echo "diskfull: $attempts receipts on a full 1 MB filesystem ($full_refusals refused as" \
  "full, $((attempts - full_refusals)) fitted), then one on a read-only one (refused);" \
  "integrity ok, ledger verified, stock exactly what succeeded; failures found: 0"
