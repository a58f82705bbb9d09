#!/usr/bin/env bash
# The district office of SPEC §1, end to end, on a fresh database in a temporary folder:
# catalogue, people and keys, purchases (one receipt into the wrong warehouse, reversed) and a
# Red Cross donation, a transfer to the town warehouse, an urgent request from a highway
# checkpoint and a second one approved in part with one line declined, the stock and a stock
# card, a day's medical waste from two sites to the licensed contractor, the ledger's
# verification, and the day's report to headquarters with its HTML page.
set -euo pipefail
cd "$(dirname "$0")/.."
source Scripts/packages.sh
need_packages -dev:libsqlite3-dev

swift build --product depot >/dev/null
depot_binary="$(swift build --show-bin-path)/depot"

work="$(mktemp -d)"
export HOME="$work"                       # key files go to $work/.config/depot/keys
export DEPOT_DB="$work/xianyu.sqlite"
depot() { "$depot_binary" "$@"; }
step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }
# A user generates a key; the admin enrols exactly the fingerprint the user reads out.
enrol() {
  local fingerprint
  fingerprint="$(depot key generate --as "$1" --json | sed -n 's/^  "fingerprint" : "\([0-9a-f]*\)",$/\1/p')"
  echo "$1 reads out the fingerprint $fingerprint; chen enrols it:"
  depot key enrol "$1" --fingerprint "$fingerprint" | head -1
}

step "The office and its admin"
depot init --office "仙寓镇 Xianyu Town emergency office" --timezone Asia/Shanghai --admin chen
export DEPOT_USER=chen

step "People, each with an enrolled key: every write is signed by whoever makes it"
depot user add wang --role clerk
depot user add zhang --role approver
depot user add sun --role finance
depot user add audit --role auditor
for user in wang zhang sun audit; do enrol "$user"; done

step "Catalogue"
depot item add MASK-SURG --name "一次性医用口罩" --category protective --unit piece \
  --pack box=50 --pack carton=20box --pack wan=10000 --lots
depot item add DISINF-84 --name "84消毒液(浓缩)" --category disinfectant --unit kg --pack t=1000 --lots
depot item add SANITISER --name "免洗手消毒液 700ml" --category disinfectant --unit bottle --pack case=24
depot item add GLOVE --name "一次性手套" --category protective --unit piece --pack box=100
depot item add THERMO-IR --name "额温枪" --category equipment --unit piece --serials
depot item add MASK-N95 --name "医用防护口罩 N95" --category protective --unit piece --pack box=20 --lots

step "Places and parties"
depot location add WH-CENTRAL --name "区应急物资仓库" --kind warehouse --reserve
depot location add WH-TOWN --name "仙寓镇仓库" --kind warehouse
depot location add SITE-CP3 --name "高速卡口3号" --kind site
depot location add SITE-HC1 --name "仙寓镇卫生院" --kind site
depot user add li --role requester --site SITE-CP3
enrol li
depot party add SUP-JX --name "__超市" --kind supplier
depot party add SUP-PH --name "__医药有限公司" --kind supplier
depot party add DON-RC --name "区红十字会" --kind donor
depot reserve set MASK-SURG WH-CENTRAL --floor 2wan

step "Framework orders: request, approval, order, receipts against the order"
year="$(TZ=Asia/Shanghai date +%Y)"
depot procure request --item MASK-SURG=4wan --item SANITISER=20case --item GLOVE=200box \
  --item THERMO-IR=2 --reason "monthly framework call-off" --as wang
depot procure request --item DISINF-84=1.5t --reason "disinfection of checkpoints" --as wang
depot procure approve "PR-$year-000001" --as zhang
depot procure approve "PR-$year-000002" --as zhang
depot procure order "PR-$year-000001" --supplier SUP-JX --contract FC-2026-07 \
  --price MASK-SURG=3500.00/wan --price SANITISER=480.00/case --price GLOVE=20.00/box \
  --price THERMO-IR=150.00 --as zhang
depot procure order "PR-$year-000002" --supplier SUP-PH --price DISINF-84=4500.00/t --as zhang
depot receive --order "PO-$year-000001" --to WH-CENTRAL --item MASK-SURG --qty 4 --unit wan \
  --lot L2301 --expiry 2028-01-31 --as wang
depot receive --order "PO-$year-000002" --to WH-CENTRAL --item DISINF-84 --qty 1.5 --unit t \
  --lot D-1107 --expiry 2027-11-07 --as wang
depot receive --order "PO-$year-000001" --to WH-CENTRAL --item SANITISER --qty 20 --unit case --as wang
depot receive --order "PO-$year-000001" --to WH-CENTRAL --item GLOVE --qty 200 --unit box --as wang
depot receive --order "PO-$year-000001" --to WH-CENTRAL --item THERMO-IR --qty 2 \
  --serial IR-0001 --serial IR-0002 --as wang

step "A Red Cross donation, part of it refused at inspection"
depot donation receive --from DON-RC --to WH-CENTRAL --item MASK-SURG --qty 10000 \
  --rejected 500 --reason "cartons soaked in transit" --lot RC-77 --expiry 2027-06-30 --value 0 --as wang

step "A green-channel order for N95 masks: signed, prepaid, delivered in two parts"
depot procure request --item MASK-N95=20000 --reason "N95 reserve exhausted; outbreak at CP3" \
  --needed-by "$(date -d '+3 days' +%F)" --as wang
depot procure approve "PR-$year-000003" --as zhang
depot procure order "PR-$year-000003" --supplier SUP-PH --price MASK-N95=3.20 \
  --emergency --justification "framework stock exhausted; checkpoint staff without N95" --as zhang
depot pay --order "PO-$year-000003" --amount 20000.00 --reference "bank slip 5521" --prepayment --as sun
depot receive --order "PO-$year-000003" --to WH-CENTRAL --item MASK-N95 --qty 12000 \
  --lot N95-A1 --expiry 2028-03-01 --rejected 200 --reason "ear loops broken" --as wang
step "The second part received into the wrong warehouse: the approver reverses it, wang receives again"
wrong="$(depot receive --order "PO-$year-000003" --to WH-TOWN --item MASK-N95 --qty 8000 \
  --lot N95-A2 --expiry 2028-03-01 --as wang --json \
  | sed -n 's/^  "number" : "\(RCV-[0-9-]*\)",$/\1/p')"
depot reverse "$wrong" --reason "delivered to the central warehouse, not the town" --as zhang
depot receive --order "PO-$year-000003" --to WH-CENTRAL --item MASK-N95 --qty 8000 \
  --lot N95-A2 --expiry 2028-03-01 --as wang
depot invoice add --order "PO-$year-000003" --number INV-88812 --amount 64000.00 --as sun
depot pay --order "PO-$year-000003" --amount 44000.00 --reference "bank slip 5530" --as sun
depot procure show "PO-$year-000003" --as sun

step "A transfer to the town warehouse (first expiry first out)"
depot transfer --from WH-CENTRAL --to WH-TOWN --item MASK-SURG --qty 3 --unit box --as wang
depot transfer --from WH-CENTRAL --to WH-TOWN --item DISINF-84 --qty 200 --as wang

step "An urgent request from the highway checkpoint, through in full"
request="$(depot issue request --from WH-CENTRAL --to SITE-CP3 --item MASK-SURG=2000 \
  --item GLOVE=10box --priority urgent --needed-by 2026-12-31 --note "夜班卡口" --as li --json \
  | sed -n 's/^  "number" : "\(REQ-[0-9-]*\)",$/\1/p')"
depot issue show "$request" --as li
depot issue approve "$request" --as zhang
depot issue ship "$request" --as wang
depot issue confirm "$request" --as li
depot use --at SITE-CP3 --item MASK-SURG --qty 600 --as li

step "A second request approved in part, one line declined; the rest awaits a decision"
partial="$(depot issue request --from WH-CENTRAL --to SITE-CP3 --item MASK-SURG=1000 \
  --item GLOVE=5box --priority high --as li --json \
  | sed -n 's/^  "number" : "\(REQ-[0-9-]*\)",$/\1/p')"
depot issue approve "$partial" --item MASK-SURG=600 --decline GLOVE="gloves went out this morning" \
  --as zhang
depot issue show "$partial" --as li      # 400 masks await a decision: unmet demand in the daily report

step "Stock"
depot stock
step "Stock by lot at the central warehouse"
depot stock --at WH-CENTRAL --lots
step "Stock card: surgical masks at the central warehouse"
depot card MASK-SURG --at WH-CENTRAL
step "How long issuance took"
depot report timeliness --as zhang

step "Medical waste: a day's waste from two sites and a leaking drum, to the licensed contractor"
depot location add WP-1 --name "暂存点1" --kind waste-point
depot party add ENV-CO --name "__医疗废物处置中心" --kind contractor \
  --licence HW-3401-0021 --licence-expires 2027-12-31
number() { sed -n 's/^  "number" : "\([A-Z]*-[0-9-]*\)",$/\1/p'; }
cp3="$(depot waste collect --at SITE-CP3 --category infectious --containers 3 --weight 12.4kg \
  --as li --json | number)"
hc1="$(depot waste collect --at SITE-HC1 --category infectious --containers 2 --weight 8.6kg \
  --collector "卫生院 护士王" --as wang --json | number)"
sharps="$(depot waste collect --at SITE-HC1 --category sharps --containers 1 --weight 1500g \
  --collector "卫生院 护士王" --as wang --json | number)"
writeoff="$(depot writeoff --at WH-CENTRAL --item DISINF-84 --lot D-1107 --qty 25 \
  --reason damaged --note "drum leaking" --as wang --json | number)"
drum="$(depot adjust approve "$writeoff" --as zhang --json \
  | sed -n 's/^  "wasteBatch" : "\(WST-[0-9-]*\)",$/\1/p')"
depot waste collect "$drum" --containers 1 --weight 26kg --as wang
for batch in "$cp3" "$hc1" "$sharps" "$drum"; do depot waste store "$batch" --at WP-1 --as wang; done
manifest="$(depot waste handover "$cp3" "$hc1" "$sharps" "$drum" --contractor ENV-CO \
  --manifest 3401-2026-118 --weight 53.9kg --containers 7 --driver "赵师傅" --vehicle "皖N·12345" \
  --as wang --json | number)"
depot waste show "$manifest" --as audit  # 53.9 kg against 48.5 kg collected: a discrepancy
depot waste resolve "$manifest" --reason "re-weighed at the plant: 48.9 kg, wet bags" --as zhang
depot waste dispose "$manifest" --certificate C-7781 --method incineration \
  --destination "__焚烧厂" --as wang
depot waste show "$drum" --as audit      # the register entry, every field the rules ask for
depot card DISINF-84                     # the leaking drum: WH-CENTRAL → WP-1 → ENV-CO → disposed

step "The waste register and expected recovery"
depot report waste --as zhang
depot report recovery --as zhang

step "An invoice 500.00 short is flagged; what the office owes; where the Red Cross masks went"
depot invoice add --order "PO-$year-000001" --number JX-2611-07 --amount 27400.00 --as sun
depot report payables --as sun
depot report donors --donor DON-RC --as sun
depot export ledger --out "$work/ledger.csv" --as sun
cat "$work/ledger.csv.manifest.json"
depot period close "$(date -d 'last month' +%Y-%m)" --as sun

step "The ledger verifies"
depot ledger verify --as audit
depot ledger head --as audit

step "The day's report to headquarters"
depot report daily --html "$work/daily.html" --as zhang
echo
echo "The demo database is $DEPOT_DB; the daily report's page is $work/daily.html"
