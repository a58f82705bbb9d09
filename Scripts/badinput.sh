#!/usr/bin/env bash
# Bad-input driver (SPEC §3 I8, §5): a table of hostile values for the writing commands —
# negative, zero, huge and non-numeric quantities, wrong units, future and impossible dates,
# unknown codes, SQL-looking and formula-looking text where a code or number belongs, invalid
# UTF-8, an oversized note (120 kB on the command line: Linux refuses single arguments over
# 128 kB; 1 MB in an imported file), dates in a closed period. Each must exit non-zero with
# exactly one `error:` sentence on stderr (an import adds one `line N: reason` per bad row),
# show no SQL or stack trace, and leave the database's content hash unchanged.
#
#   Scripts/badinput.sh
set -euo pipefail
cd "$(dirname "$0")/.."
source Scripts/lib.sh
set_up_office
depot donation receive --from DON-RC --to WH-A --item GLOVE --qty 100 --value 0 --as wang >/dev/null
depot donation receive --from DON-RC --to WH-A --item MASK --qty 100 --lot L1 --expiry 2030-01-01 \
  --value 0 --as wang >/dev/null
request="$(depot issue request --from WH-A --to SITE-CP3 --item GLOVE=10 --as li --json \
  | sed -n 's/^  "number" : "\(REQ-[0-9-]*\)",$/\1/p')"
add_user sun --role finance
depot party add SUP-JX --name "超市" --kind supplier >/dev/null
depot party add ENV-CO --name "处置中心" --kind contractor --licence HW-1 --licence-expires 2030-12-31 >/dev/null
depot location add WP-1 --name "暂存点1" --kind waste-point >/dev/null
year="$(TZ=Asia/Shanghai date +%Y)"
depot procure request --item GLOVE=500 --reason "call-off" --as wang >/dev/null
depot procure approve "PR-$year-000001" --as zhang >/dev/null
depot procure order "PR-$year-000001" --supplier SUP-JX --price GLOVE=0.10 --as zhang >/dev/null
order="PO-$year-000001"
last_month="$(TZ=Asia/Shanghai date -d "$(date +%Y-%m-15) -1 month" +%Y-%m)"
depot period close "$last_month" --as sun >/dev/null
in_closed_month="$last_month-10"
batch="$(depot waste collect --at SITE-CP3 --category infectious --containers 1 --weight 2kg \
  --as li --json | sed -n 's/^  "number" : "\(WST-[0-9-]*\)",$/\1/p')"

sql="x'); DROP TABLE movement; --"
formula='=HYPERLINK("http://x")'
invalid_utf8=$'\xff\xfe\xfd'
long_note="$(head -c 120000 /dev/zero | tr '\0' 'n')"
receipt=(donation receive --from DON-RC --to WH-A --item GLOVE --value 0 --as wang)
transfer=(transfer --from WH-A --to WH-B --item GLOVE --as wang)

hash() { sqlite3 "$DEPOT_DB" .dump | sha256sum; }
before="$(hash)"
failures=0
count=0
# check NAME ARGUMENTS...: the command must be refused with one sentence, changing nothing.
check() {
  judge 1 "$@"
}
# check_import NAME ARGUMENTS...: an import must be refused with one sentence followed by one
# `line N: reason` per bad row, changing nothing.
check_import() {
  judge 0 "$@"
}
judge() {
  local single="$1" name="$2" code=0 problem=""
  shift 2
  count=$((count + 1))
  "$binary" "$@" >"$work/out" 2>"$work/err" || code=$?
  if [ "$code" -eq 0 ]; then
    problem="it succeeded"
  elif ! head -n 1 "$work/err" | grep -q '^error: ' \
    || { [ "$single" -eq 1 ] && [ "$(wc -l <"$work/err")" -ne 1 ]; } \
    || tail -n +2 "$work/err" | grep -qvE '^line [0-9]+: '; then
    problem="stderr is not one error sentence: $(head -c 300 "$work/err")"
  elif grep -qE 'SQLite code|SELECT |INSERT |UPDATE |Fatal error|Stack|0x[0-9a-f]{6}' "$work/err"; then
    problem="the sentence leaks internals: $(head -c 300 "$work/err")"
  elif [ "$(hash)" != "$before" ]; then
    problem="the database changed"
  fi
  if [ -n "$problem" ]; then
    echo "badinput: $name: $problem" >&2
    failures=$((failures + 1))
  fi
}

check "receive: negative quantity" "${receipt[@]}" --qty -5
check "receive: zero quantity" "${receipt[@]}" --qty 0
check "receive: huge quantity" "${receipt[@]}" --qty 99999999999999999999
check "receive: non-numeric quantity" "${receipt[@]}" --qty lots
check "receive: formula as quantity" "${receipt[@]}" --qty "$formula"
check "receive: wrong unit" "${receipt[@]}" --qty 5 --unit pallet
check "receive: fraction of a piece" "${receipt[@]}" --qty 0.5
check "receive: negative value" "${receipt[@]}" --qty 5 --value -1
check "receive: future date" "${receipt[@]}" --qty 5 --date 2999-01-01
check "receive: impossible date" "${receipt[@]}" --qty 5 --date 2026-02-30
check "receive: unknown item" donation receive --from DON-RC --to WH-A --item NOPE --qty 5 --value 0 --as wang
check "receive: SQL as item" donation receive --from DON-RC --to WH-A --item "$sql" --qty 5 --value 0 --as wang
check "receive: unknown warehouse" donation receive --from DON-RC --to WH-Z --item GLOVE --qty 5 --value 0 --as wang
check "receive: lot on an untracked item" "${receipt[@]}" --qty 5 --lot L9 --expiry 2030-01-01
check "receive: oversized note" "${receipt[@]}" --qty 5 --note "$long_note"
check "receive: invalid UTF-8 note" "${receipt[@]}" --qty 5 --note "$invalid_utf8"
check "receive: unknown user" donation receive --from DON-RC --to WH-A --item GLOVE --qty 5 --value 0 --as mallory
check "receive: user without the role" donation receive --from DON-RC --to WH-A --item GLOVE --qty 5 --value 0 --as li
check "transfer: more than is there" "${transfer[@]}" --qty 101
check "transfer: to a site" transfer --from WH-A --to SITE-CP3 --item GLOVE --qty 1 --as wang
check "transfer: huge" "${transfer[@]}" --qty 1000000000001
check "transfer: unknown lot" transfer --from WH-A --to WH-B --item MASK --qty 1 --lot NOPE --as wang
check "item add: SQL as code" item add "$sql" --name x --category other --unit piece
check "item add: duplicate code" item add GLOVE --name x --category other --unit piece
check "item add: bad category" item add NEW --name x --category weapons --unit piece
check "item add: bad pack" item add NEW --name x --category other --unit piece --pack box=-5
check "item add: invalid UTF-8 name" item add NEW --name "$invalid_utf8" --category other --unit piece
check "location add: formula as code" location add "$formula" --name x --kind warehouse
check "location add: bad kind" location add WH-C --name x --kind bunker
check "party add: licence on a supplier" party add SUP-X --name x --kind supplier --licence L1
check "user add: bad role" user add bob --role king
check "user add: requester without site" user add bob --role requester
check "issue request: zero" issue request --from WH-A --to SITE-CP3 --item GLOVE=0 --as li
check "issue request: unknown item" issue request --from WH-A --to SITE-CP3 --item NOPE=5 --as li
check "issue request: another site" issue request --from WH-A --to WH-B --item GLOVE=5 --as li
check "issue approve: own request" issue approve "$request" --as li
check "issue approve: more than requested" issue approve "$request" --item GLOVE=11 --as zhang
check "issue approve: unknown request" issue approve REQ-2026-999999 --as zhang
check "issue ship: not approved" issue ship "$request" --as wang
check "issue confirm: not shipped" issue confirm "$request" --as li
check "issue close: no reason" issue close "$request" --as zhang
check "reserve set: negative floor" reserve set GLOVE WH-A --floor -3
check "reserve set: at a site" reserve set GLOVE SITE-CP3 --floor 3
check "use: more than is there" use --at SITE-CP3 --item GLOVE --qty 5 --as li
check "return: damaged above returned" return --from SITE-CP3 --to WH-A --item GLOVE --qty 1 --damaged 2 --as wang
check "key enrol: no pending key" key enrol wang
check "backup: over the database itself" backup "$DEPOT_DB"
check "init: over an existing office" init --admin eve
check "receive: without an order" receive --from SUP-JX --to WH-A --item GLOVE --qty 5 --value 1 --as wang
check "receive: more than ordered" receive --order "$order" --to WH-A --item GLOVE --qty 501 --as wang
check "receive: item not on the order" receive --order "$order" --to WH-A --item MASK --qty 1 --lot L1 --expiry 2030-01-01 --as wang
check "receive: date in a closed period" receive --order "$order" --to WH-A --item GLOVE --qty 5 --date "$in_closed_month" --as wang
check "receive: rejected without a reason" receive --order "$order" --to WH-A --item GLOVE --qty 5 --rejected 2 --as wang
check "procure request: zero" procure request --item GLOVE=0 --reason x --as wang
check "procure request: no reason" procure request --item GLOVE=5 --as wang
check "procure approve: unknown" procure approve PR-2026-999999 --as zhang
check "procure order: formula as price" procure order "PR-$year-000001" --supplier SUP-JX --price "GLOVE=$formula" --as zhang
check "procure order: already ordered" procure order "PR-$year-000001" --supplier SUP-JX --price GLOVE=0.10 --as zhang
check "invoice: negative amount" invoice add --order "$order" --number INV-1 --amount -5.00 --as sun
check "invoice: by a clerk" invoice add --order "$order" --number INV-1 --amount 5.00 --as wang
check "pay: more than is owed" pay --order "$order" --amount 99999.00 --reference slip --as sun
check "pay: prepayment on a framework order" pay --order "$order" --amount 1.00 --reference slip --prepayment --as sun
check "period close: a month not over" period close 2999-01 --as sun
check "waste collect: bad category" waste collect --at SITE-CP3 --category radioactive --containers 1 --weight 1kg --as li
check "waste collect: weight without a unit" waste collect --at SITE-CP3 --category sharps --containers 1 --weight 12.4 --as li
check "waste collect: negative containers" waste collect --at SITE-CP3 --category sharps --containers -1 --weight 1kg --as li
check "waste handover: not stored" waste handover "$batch" --contractor ENV-CO --manifest M-1 --weight 2kg --containers 1 --driver d --vehicle v --as wang
check "waste handover: unknown contractor" waste handover "$batch" --contractor NOPE --manifest M-1 --weight 2kg --containers 1 --driver d --vehicle v --as wang
check "waste dispose: unknown manifest" waste dispose MAN-2026-999999 --certificate C --method burn --destination x --as wang
check "writeoff: more than is there" writeoff --at WH-A --item GLOVE --qty 1000 --reason damaged --as wang
check "writeoff: expired reason for a fresh lot" writeoff --at WH-A --item MASK --lot L1 --qty 1 --reason expired --as wang
check "count: negative" count --at WH-A --item GLOVE --counted -1 --as wang
check "count: SQL as lot" count --at WH-A --item MASK --lot "$sql" --counted 1 --as wang
check "recall: unknown lot" recall NOPE --reason x --as zhang
check "export: by a clerk" export ledger --out "$work/l.csv" --as wang
check "export: unknown kind" export everything --out "$work/l.csv" --as sun
check "import: a missing file" import items "$work/missing.csv"
megabyte="$(head -c 1048576 /dev/zero | tr '\0' 'n')"
printf 'code,name,category,unit\r\nBIG,%s,protective,piece\r\n' "$megabyte" >"$work/big-name.csv"
check_import "import items: a 1 MB name" import items "$work/big-name.csv"
printf 'order,warehouse,item,qty,rejected,reason\r\n%s,WH-A,GLOVE,1,1,%s\r\n' "$order" \
  "$megabyte" >"$work/big-reason.csv"
check_import "import receipts: a 1 MB reason" import receipts "$work/big-reason.csv" --as wang
printf 'order,warehouse,item,qty\r\n%s,WH-A,GLOVE,-5\r\n%s,WH-A,"%s",1\r\n%s,WH-A,GLOVE,"%s"\r\n' \
  "$order" "$order" "$sql" "$order" "${formula//\"/\"\"}" >"$work/hostile.csv"
check_import "import receipts: negative, SQL and formula cells" import receipts \
  "$work/hostile.csv" --as wang
printf 'order,warehouse,item,qty\r\n%s,WH-A,GLOVE%s,1\r\n' "$order" "$invalid_utf8" \
  >"$work/invalid-utf8.csv"
check_import "import receipts: invalid UTF-8" import receipts "$work/invalid-utf8.csv" --as wang
check "transfer: date in a closed period" "${transfer[@]}" --qty 1 --date "$in_closed_month"

check_database
[ "$failures" -eq 0 ] || { echo "badinput: $failures of $count cases failed" >&2; exit 1; }
echo "badinput: $count hostile commands each refused with one sentence, database unchanged;" \
  "failures found: 0"
