#!/usr/bin/env bash
# Concurrency driver (SPEC §3 I8): several processes write and read one database at once for a
# fixed number of operations each: donations in, transfers between two warehouses, stock and
# card reads. No "database is locked" may reach a user, no write may be lost (the stock equals
# the sum of the donations the workers saw succeed), no stock may go negative, and the ledger
# must verify. Prints the throughput.
#
#   Scripts/concurrency.sh [--workers N] [--operations M]    (default 6 workers x 200; CI 4 x 25)
set -euo pipefail
cd "$(dirname "$0")/.."
workers=6
operations=200
source Scripts/options.sh "[--workers N] [--operations M]" "$@"
source Scripts/lib.sh
set_up_office

worker() {
  local id="$1" log="$work/worker-$1.log" clerk
  clerk=$([ $((id % 2)) -eq 0 ] && echo wang || echo zhao)
  : >"$log"
  for j in $(seq 1 "$operations"); do
    local code=0 quantity=$(( (RANDOM % 50) + 1 )) warehouse from to
    warehouse=$([ $((RANDOM % 2)) -eq 0 ] && echo WH-A || echo WH-B)
    case $((j % 4)) in
      0)
        "$binary" donation receive --from DON-RC --to "$warehouse" --item GLOVE --qty "$quantity" \
          --value 0 --ref "w$id-$j" --as "$clerk" >/dev/null 2>>"$log.err" || code=$?
        [ "$code" -eq 0 ] && echo "received $quantity" >>"$log" ;;
      1)
        from="$warehouse"; to=$([ "$warehouse" = WH-A ] && echo WH-B || echo WH-A)
        "$binary" transfer --from "$from" --to "$to" --item GLOVE --qty "$quantity" \
          --as "$clerk" >/dev/null 2>>"$log.err" || code=$?
        [ "$code" -eq 1 ] && ! tail -n 1 "$log.err" | grep -q "^error: not enough GLOVE" && code=99 ;;
      2) "$binary" stock --json --as "$clerk" >/dev/null 2>>"$log.err" || code=$? ;;
      3) "$binary" card GLOVE --at "$warehouse" --as "$clerk" >/dev/null 2>>"$log.err" || code=$? ;;
    esac
    echo "exit $code" >>"$log"
  done
}

started=$(date +%s%N)
pids=()
for id in $(seq 1 "$workers"); do
  worker "$id" &
  pids+=($!)
done
for pid in "${pids[@]}"; do wait "$pid"; done
elapsed_ms=$(( ($(date +%s%N) - started) / 1000000 ))

total=$((workers * operations))
unexpected="$(cat "$work"/worker-*.log | grep '^exit' | grep -cv '^exit [01]$' || true)"
locked="$(cat "$work"/worker-*.log.err 2>/dev/null | grep -ci 'locked' || true)"
received="$(cat "$work"/worker-*.log | awk '/^received/ { sum += $2 } END { print sum + 0 }')"
on_hand="$(total_on_hand GLOVE)"
negative="$(depot stock --json | python3 -c \
  'import json, sys; print(sum(1 for row in json.load(sys.stdin) if row["onHand"] < 0))')"
check_database || { echo "concurrency: the database does not check out" >&2; exit 1; }
[ "$unexpected" -eq 0 ] || { echo "concurrency: $unexpected commands failed unexpectedly" >&2; exit 1; }
[ "$locked" -eq 0 ] || { echo "concurrency: 'database is locked' reached a user" >&2; exit 1; }
[ "$on_hand" -eq "$received" ] \
  || { echo "concurrency: $on_hand on hand but $received received: a write was lost" >&2; exit 1; }
[ "$negative" -eq 0 ] || { echo "concurrency: negative stock" >&2; exit 1; }
echo "concurrency: $workers processes x $operations operations = $total commands in" \
  "$((elapsed_ms / 1000)).$(( (elapsed_ms % 1000) / 100 )) s ($((total * 1000 / elapsed_ms)) commands/s);" \
  "no lost write, no 'locked', no negative stock, ledger verified; failures found: 0"
