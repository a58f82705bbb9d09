#!/usr/bin/env bash
# Concurrency driver for issuance (issue 4): in every round two `issue approve` processes race
# for the last stock of an item (exactly one may win; the other must say "not enough"), then
# two `issue ship` processes race on the same approved request (the stock leaves once; the
# other exits 1 or 3). `ledger verify` must pass after every round.
#
#   Scripts/race.sh [--rounds N]      (default 50 rounds; CI runs 5)
set -euo pipefail
cd "$(dirname "$0")/.."

rounds=50
source Scripts/options.sh "[--rounds N]" "$@"
source Scripts/lib.sh
set_up_office
fail() { echo "race: round $round: $*" >&2; exit 1; }

# at_once NAME 'ARGS1' 'ARGS2': runs `depot ARGS1` and `depot ARGS2` at the same moment, with
# their output in $work/NAME1.out, NAME1.err, NAME2.out and NAME2.err, and sets first_code and
# second_code to their exit codes. Each ARGS is split into words.
at_once() {
  local first_pid second_pid
  depot $2 >"$work/${1}1.out" 2>"$work/${1}1.err" &
  first_pid=$!
  depot $3 >"$work/${1}2.out" 2>"$work/${1}2.err" &
  second_pid=$!
  set +e
  wait "$first_pid"; first_code=$?
  wait "$second_pid"; second_code=$?
  set -e
}

year="$(TZ=Asia/Shanghai date +%Y)"
number() { printf 'REQ-%s-%06d' "$year" "$1"; }
request_count=0
approve_wins=0
ship_wins=0

for round in $(seq 1 "$rounds"); do
  depot donation receive --from DON-RC --to WH-A --item GLOVE --qty 100 --value 0 \
    --as wang >/dev/null
  depot issue request --from WH-A --to SITE-CP3 --item GLOVE=100 --as li >/dev/null
  depot issue request --from WH-A --to SITE-CP3 --item GLOVE=100 --as li >/dev/null
  first="$(number $((request_count + 1)))"
  second="$(number $((request_count + 2)))"
  request_count=$((request_count + 2))

  at_once a "issue approve $first --as zhang" "issue approve $second --as zhang"
  if [ "$first_code" -eq 0 ] && [ "$second_code" -eq 1 ]; then
    winner="$first"; loser="$second"; loser_err="$work/a2.err"
  elif [ "$first_code" -eq 1 ] && [ "$second_code" -eq 0 ]; then
    winner="$second"; loser="$first"; loser_err="$work/a1.err"
  else
    fail "approvals exited $first_code and $second_code; exactly one must win"
  fi
  grep -q "not enough GLOVE at WH-A" "$loser_err" \
    || fail "the losing approval said: $(cat "$loser_err")"
  approve_wins=$((approve_wins + 1))
  depot issue cancel "$loser" --reason "lost the race" --as zhang >/dev/null

  at_once s "issue ship $winner --as wang" "issue ship $winner --as zhao"
  successes=$(( (first_code == 0) + (second_code == 0) ))
  [ "$successes" -eq 1 ] || fail "shipments exited $first_code and $second_code; exactly one must ship"
  for code in "$first_code" "$second_code"; do
    case "$code" in 0|1|3) ;; *) fail "a shipment exited $code" ;; esac
  done
  ship_wins=$((ship_wins + 1))
  [ "$(depot stock --at WH-A --item GLOVE --json | tr -d ' \n')" = "[]" ] \
    || fail "the stock left more than once or not at all"
  depot issue confirm "$winner" --as li >/dev/null
  check_database || fail "the database does not check out"
done

echo "race: $rounds rounds: $approve_wins approval races and $ship_wins shipment races each had" \
  "exactly one winner; ledger verified after every round"
