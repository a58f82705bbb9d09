#!/usr/bin/env bash
# Crash driver (SPEC §3 I8): starts single receipts and kills each with `kill -9` at a random
# moment until N of them were killed mid-way; then does the same to whole CSV imports. After
# every kill SQLite's integrity check and `depot ledger verify` pass, and the killed command or
# import is either wholly present or wholly absent: running it again with the same --ref posts
# it exactly once. At the end the stock equals the sum of everything sent.
#
#   Scripts/crash.sh [--kills N] [--imports M] [--lines L]
#       (default 200 receipts and 10 imports of 100 000 lines killed; CI kills 20, and 2 of
#       10 000 lines)
set -euo pipefail
cd "$(dirname "$0")/.."
kills=200
imports=10
lines=100000
source Scripts/options.sh "[--kills N] [--imports M] [--lines L]" "$@"
source Scripts/lib.sh
set_up_office

# crash_until KILLS WINDOW LABEL QUANTITY COMMAND...: runs `depot COMMAND... --ref LABEL-N` in
# the background, adding QUANTITY gloves, and kills it with `kill -9` at a random moment within
# WINDOW microseconds, until KILLS runs were killed mid-way. After each kill the database must
# check out and hold the run wholly or not at all, and a retry with the same --ref must leave
# it there exactly once. Uses and updates `sent`; sets `rounds`, `present`, `absent`, `finished`.
crash_until() {
  local kills="$1" window="$2" label="$3" quantity="$4"
  shift 4
  rounds=0 present=0 absent=0 finished=0
  local pid delay code on_hand
  while [ $((present + absent)) -lt "$kills" ]; do
    rounds=$((rounds + 1))
    [ "$rounds" -le $((kills * 20 + 20)) ] || { echo "crash: ${label}s keep finishing" >&2; exit 1; }
    "$binary" "$@" --ref "$label-$rounds" >/dev/null 2>"$work/err" &
    pid=$!
    delay=$(( (RANDOM * 32768 + RANDOM) % window ))
    sleep "$(printf '%d.%06d' $((delay / 1000000)) $((delay % 1000000)))"
    kill -9 "$pid" 2>/dev/null || true
    code=0
    wait "$pid" 2>/dev/null || code=$?
    case "$code" in
      0 | 137) ;;
      *) echo "crash: $label $rounds exited $code: $(cat "$work/err")" >&2; exit 1 ;;
    esac
    check_database || { echo "crash: $label $rounds: the database does not check out" >&2; exit 1; }
    on_hand="$(total_on_hand GLOVE)"
    if [ "$code" -eq 0 ]; then
      finished=$((finished + 1))
    elif [ "$on_hand" -eq $((sent + quantity)) ]; then
      present=$((present + 1))
    elif [ "$on_hand" -eq "$sent" ]; then
      absent=$((absent + 1))
    else
      echo "crash: $label $rounds: $on_hand on hand after a kill, neither $sent nor" \
        "$((sent + quantity))" >&2
      exit 1
    fi
    depot "$@" --ref "$label-$rounds" >/dev/null
    sent=$((sent + quantity))
    on_hand="$(total_on_hand GLOVE)"
    [ "$on_hand" -eq "$sent" ] \
      || { echo "crash: $label $rounds: $on_hand on hand after the retry, $sent sent" >&2; exit 1; }
  done
  check_database
}

# Receipts, killed within twice what one takes, so kills land before, during and after the
# transaction.
receipt=(donation receive --from DON-RC --to WH-A --item GLOVE --value 0 --as wang)
started=$(date +%s%N)
for warmup in 1 2 3; do
  depot "${receipt[@]}" --qty 1 --ref "warm-up-$warmup" >/dev/null
done
sent=3
window=$(( ($(date +%s%N) - started) / 3 / 1000 * 2 ))
crash_until "$kills" "$window" receipt 50 "${receipt[@]}" --qty 50
echo "crash: $rounds receipts: $kills killed with kill -9 ($present after commit, $absent" \
  "before), $finished finished first; after each: integrity ok, ledger verified," \
  "the receipt present exactly once after a retry with its --ref; failures found: 0"

# Imports: an order for gloves, a file of $lines receipt lines against it, one import timed
# whole, then imports killed within a quarter more than that time.
[ "$imports" -gt 0 ] || exit 0
depot party add SUP-JX --name "超市" --kind supplier >/dev/null
depot procure request --item GLOVE=1000000000 --reason "crash driver" --as wang >/dev/null
request="$(sqlite3 "$DEPOT_DB" "SELECT number FROM document WHERE kind = 'PR' ORDER BY id DESC LIMIT 1")"
depot procure approve "$request" --as zhang >/dev/null
depot procure order "$request" --supplier SUP-JX --price GLOVE=0.10 --as zhang >/dev/null
order="$(sqlite3 "$DEPOT_DB" "SELECT number FROM document WHERE kind = 'PO' ORDER BY id DESC LIMIT 1")"
file_total="$(python3 - "$order" "$lines" "$work/receipts.csv" <<'PY'
import sys
order, lines, path = sys.argv[1], int(sys.argv[2]), sys.argv[3]
with open(path, "w", newline="") as file:
    file.write("order,warehouse,item,qty\r\n")
    for row in range(lines):
        file.write(f"{order},{'WH-A' if row % 2 else 'WH-B'},GLOVE,{row % 40 + 1}\r\n")
print(sum(row % 40 + 1 for row in range(lines)))
PY
)"
started=$(date +%s%N)
depot import receipts "$work/receipts.csv" --ref import-warm-up --as wang >/dev/null
window=$(( ($(date +%s%N) - started) / 1000 * 5 / 4 ))
sent=$((sent + file_total))
crash_until "$imports" "$window" import "$file_total" import receipts "$work/receipts.csv" --as wang
echo "crash: $rounds imports of $lines lines: $imports killed with kill -9 ($present after" \
  "commit, $absent before), $finished finished first; after each: integrity ok, ledger" \
  "verified, the import present exactly once after a retry with its --ref; failures found: 0"
