#!/usr/bin/env bash
# Benchmark (issue 8): builds release binaries, generates a deterministic synthetic office of N
# movements through Depot's own engine, then times each task for Depot and, in the same run,
# for the sqlite3 shell doing the bare equivalent on the same data. Prints median times, the
# Depot/sqlite3 ratio against its goal, and peak memory (GNU time). Installs hyperfine, GNU time and sqlite3
# when missing (Scripts/packages.sh).
#
#   Scripts/bench.sh [--rows N]        (default 1000000; CI runs --rows 20000)
set -euo pipefail
cd "$(dirname "$0")/.."
rows=1000000
source Scripts/options.sh "[--rows N]" "$@"
source Scripts/packages.sh
need_packages hyperfine time sqlite3

# The release build the README installs: static Swift runtime, position-dependent.
release=(-c release --static-swift-stdlib -Xswiftc -Xclang-linker -Xswiftc -no-pie)
swift build "${release[@]}" --product depot >/dev/null
swift build "${release[@]}" --product depot-bench >/dev/null
bin="$(swift build "${release[@]}" --show-bin-path)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/keys"
export HOME="$work" DEPOT_DB="$work/bench.sqlite" DEPOT_USER=clerk1
unset XDG_CONFIG_HOME
export DEPOT_KEY="$work/keys/clerk1.key"   # every write is signed; the generator wrote the keys
db="$DEPOT_DB"
runs=$([ "$rows" -ge 200000 ] && echo 10 || echo 20)
depot() { "$bin/depot" "$@"; }

echo "bench: generating $rows movements through the engine" >&2
"$bin/depot-bench" "$db" "$rows" "$work/keys"
movements="$(sqlite3 "$db" 'SELECT count(*) FROM movement')"

# A framework order that the receipt and the imports below deliver against.
approver=(--as approver --key "$work/keys/approver.key")
depot party add SUP-BENCH --name "基准供应商" --kind supplier --as chen --key "$work/keys/chen.key" >/dev/null
depot procure request --item ITEM-1=1000000000 --item ITEM-2=1000000000 --reason "benchmark" >/dev/null
year="$(TZ=Asia/Shanghai date +%Y)"
request="$(sqlite3 "$db" "SELECT number FROM document WHERE kind = 'PR' ORDER BY id DESC LIMIT 1")"
depot procure approve "$request" "${approver[@]}" >/dev/null
depot procure order "$request" --supplier SUP-BENCH --price ITEM-1=0.50 --price ITEM-2=1.25 \
  "${approver[@]}" >/dev/null
order="$(sqlite3 "$db" "SELECT number FROM document WHERE kind = 'PO' ORDER BY id DESC LIMIT 1")"

# 100 000 receipt lines, and the bare table sqlite3 imports the same file into.
python3 - "$order" "$work/receipts.csv" <<'PY'
import sys
order, path = sys.argv[1:]
with open(path, "w", newline="") as file:
    file.write("order,warehouse,item,qty,lot,expiry\r\n")
    for row in range(100_000):
        item = "ITEM-1" if row % 2 else "ITEM-2"
        file.write(f"{order},WH-{row % 6 + 1},{item},{row % 40 + 1},IMP-{row % 50},2029-06-30\r\n")
PY
cat >"$work/export.sql" <<'SQL'
.output /dev/null
SELECT m.id, m.effective_date, m.recorded_at, d.number, i.code, i.name, l.number, l.expiry,
  s.code, o.number, f.code, t.code, m.quantity, i.base_unit, printf('%.2f', m.value / 100.0),
  u.name
FROM movement AS m JOIN document AS d ON d.id = m.document_id JOIN item AS i ON i.id = m.item_id
  JOIN lot AS l ON l.id = m.lot_id JOIN account AS s ON s.id = l.source_account_id
  LEFT JOIN document AS o ON o.id = l.order_document_id
  JOIN account AS f ON f.id = m.from_account_id JOIN account AS t ON t.id = m.to_account_id
  JOIN users AS u ON u.id = m.actor_id ORDER BY m.id;
SQL
sqlite3 "$db" 'CREATE TABLE bare_receipt (item INTEGER, location INTEGER, quantity INTEGER, value INTEGER)'
sqlite3 "$db" 'CREATE TABLE bare_import ("order" TEXT, warehouse TEXT, item TEXT, qty INTEGER, lot TEXT, expiry TEXT)'

results="$work/results.tsv"
: >"$results"
# measure TASK GOAL DEPOT-COMMAND SQLITE-COMMAND: median times with hyperfine, peak memory
# with GNU time, one line in the results.
measure() {
  local task="$1" goal="$2" depot_command="$3" sqlite_command="$4"
  hyperfine -N --warmup 2 --runs "$runs" --export-json "$work/timing.json" \
    "$depot_command" "$sqlite_command" >/dev/null 2>&1
  local depot_memory sqlite_memory
  depot_memory="$(/usr/bin/time -f %M sh -c "$depot_command >/dev/null" 2>&1 | tail -n 1)"
  sqlite_memory="$(/usr/bin/time -f %M sh -c "$sqlite_command >/dev/null" 2>&1 | tail -n 1)"
  python3 - "$work/timing.json" "$task" "$goal" "$depot_memory" "$sqlite_memory" >>"$results" <<'PY'
import json, sys
timing, task, goal, depot_memory, sqlite_memory = sys.argv[1:]
depot, sqlite = (r["median"] for r in json.load(open(timing))["results"])
print(f"{task}\t{depot * 1000:.1f}\t{sqlite * 1000:.1f}\t{depot / sqlite:.2f}\t{goal}\t"
      f"{int(depot_memory) / 1024:.1f}\t{int(sqlite_memory) / 1024:.1f}")
PY
}

measure "full stock table (item x location x lot)" "<= 0.05" \
  "$bin/depot stock --lots --json --as clerk1" \
  "sqlite3 $db 'SELECT item_id, account_id, lot_id, sum(quantity), sum(value) FROM (SELECT item_id, to_account_id AS account_id, lot_id, quantity, value FROM movement UNION ALL SELECT item_id, from_account_id, lot_id, -quantity, -value FROM movement) GROUP BY item_id, account_id, lot_id'"

measure "stock card of one item at one location" "<= 2" \
  "$bin/depot card ITEM-7 --at WH-1 --json --as clerk1" \
  "sqlite3 $db 'SELECT m.id, m.effective_date, m.quantity, m.value, m.from_account_id, m.to_account_id, m.lot_id FROM movement AS m WHERE m.item_id = 7 AND (m.from_account_id = 6 OR m.to_account_id = 6) ORDER BY m.effective_date, m.id'"

runs=5
measure "export the ledger to CSV" "<= 2" \
  "$bin/depot export ledger --out $work/ledger.csv --force --as chen --key $work/keys/chen.key" \
  "sqlite3 -csv $db '.read $work/export.sql'"

measure "verify (chains and invariants)" "<= 4" \
  "$bin/depot ledger verify --as clerk1" \
  "sqlite3 $db 'SELECT account_id, lot_id, sum(quantity), sum(value) FROM (SELECT to_account_id AS account_id, lot_id, quantity, value FROM movement UNION ALL SELECT from_account_id, lot_id, -quantity, -value FROM movement) GROUP BY account_id, lot_id'"

measure "one receipt, own process" "<= 2" \
  "$bin/depot receive --order $order --to WH-1 --item ITEM-2 --qty 10 --lot BENCH --expiry 2030-01-01 --as clerk1" \
  "sqlite3 $db 'INSERT INTO bare_receipt VALUES (2, 1, 10, 0)'"

runs=3
measure "import 100 000 receipt lines (CSV)" "<= 4" \
  "$bin/depot import receipts $work/receipts.csv --as clerk1" \
  "sqlite3 $db '.import --csv --skip 1 $work/receipts.csv bare_import'"
runs=$([ "$rows" -ge 200000 ] && echo 10 || echo 20)

echo
echo "Depot against the sqlite3 shell on $movements generated movements (the receipt and import"
echo "tasks run last, on top of them; $(nproc) cores, $(sed -n 's/^model name\t*: //p' /proc/cpuinfo | head -n 1)):"
echo
echo "| task | Depot (ms) | sqlite3 (ms) | ratio | goal | Depot peak MB | sqlite3 peak MB |"
echo "|---|---:|---:|---:|---|---:|---:|"
while IFS=$'\t' read -r task depot sqlite ratio goal depot_memory sqlite_memory; do
  echo "| $task | $depot | $sqlite | $ratio | $goal | $depot_memory | $sqlite_memory |"
done <"$results"
