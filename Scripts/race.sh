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
while [ $# -gt 0 ]; do
  case "$1" in
    --rounds) rounds="$2"; shift 2 ;;
    *) echo "usage: $0 [--rounds N]" >&2; exit 64 ;;
  esac
done
source Scripts/lib.sh
set_up_office
fail() { echo "race: round $round: $*" >&2; exit 1; }

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

  depot issue approve "$first" --as zhang >"$work/a1.out" 2>"$work/a1.err" &
  first_pid=$!
  depot issue approve "$second" --as zhang >"$work/a2.out" 2>"$work/a2.err" &
  second_pid=$!
  set +e
  wait "$first_pid"; first_code=$?
  wait "$second_pid"; second_code=$?
  set -e
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

  depot issue ship "$winner" --as wang >"$work/s1.out" 2>"$work/s1.err" &
  first_pid=$!
  depot issue ship "$winner" --as zhao >"$work/s2.out" 2>"$work/s2.err" &
  second_pid=$!
  set +e
  wait "$first_pid"; first_code=$?
  wait "$second_pid"; second_code=$?
  set -e
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
