#!/usr/bin/env bash
# Crash driver (SPEC §3 I8): starts single receipts and kills each with `kill -9` at a random
# moment, many times. After every kill SQLite's integrity check and `depot ledger verify` pass,
# and the killed command is either wholly present or wholly absent: running it again with the
# same --ref posts it exactly once. At the end the stock equals the sum of every receipt sent.
#
#   Scripts/crash.sh [--kills N]        (default 200; CI runs 20)
set -euo pipefail
cd "$(dirname "$0")/.."
kills=200
while [ $# -gt 0 ]; do
  case "$1" in
    --kills) kills="$2"; shift 2 ;;
    *) echo "usage: $0 [--kills N]" >&2; exit 64 ;;
  esac
done
source Scripts/lib.sh
set_up_office

# Kill at a random moment within twice what one receipt takes, so kills land before, during
# and after the transaction.
started=$(date +%s%N)
for warmup in 1 2 3; do
  depot donation receive --from DON-RC --to WH-A --item GLOVE --qty 1 --value 0 \
    --ref "warm-up-$warmup" --as wang >/dev/null
done
window_microseconds=$(( ($(date +%s%N) - started) / 3 / 1000 * 2 ))

sent=3
present=0
absent=0
finished=0
for round in $(seq 1 "$kills"); do
  quantity=$(( (RANDOM % 90) + 10 ))
  "$binary" donation receive --from DON-RC --to WH-A --item GLOVE --qty "$quantity" --value 0 \
    --ref "crash-$round" --as wang >/dev/null 2>"$work/err" &
  pid=$!
  delay=$(( (RANDOM * 32768 + RANDOM) % window_microseconds ))
  sleep "$(printf '0.%06d' "$delay")"
  kill -9 "$pid" 2>/dev/null || true
  set +e
  { wait "$pid"; } 2>/dev/null
  code=$?
  set -e
  case "$code" in
    0 | 137) ;;
    *) echo "crash: round $round: the receipt exited $code: $(cat "$work/err")" >&2; exit 1 ;;
  esac
  check_database || { echo "crash: round $round: the database does not check out" >&2; exit 1; }
  on_hand="$(total_on_hand GLOVE)"
  if [ "$code" -eq 0 ]; then
    finished=$((finished + 1))
  elif [ "$on_hand" -eq $((sent + quantity)) ]; then
    present=$((present + 1))
  elif [ "$on_hand" -eq "$sent" ]; then
    absent=$((absent + 1))
  else
    echo "crash: round $round: $on_hand on hand after a kill, neither $sent nor $((sent + quantity))" >&2
    exit 1
  fi
  depot donation receive --from DON-RC --to WH-A --item GLOVE --qty "$quantity" --value 0 \
    --ref "crash-$round" --as wang >/dev/null
  sent=$((sent + quantity))
  on_hand="$(total_on_hand GLOVE)"
  [ "$on_hand" -eq "$sent" ] \
    || { echo "crash: round $round: $on_hand on hand after the retry, $sent sent" >&2; exit 1; }
done
check_database
echo "crash: $kills runs: $((present + absent)) killed with kill -9 ($present after commit," \
  "$absent before), $finished finished first; after each: integrity ok, ledger verified," \
  "the receipt present exactly once after a retry with its --ref; failures found: 0"
