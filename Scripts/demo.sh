#!/usr/bin/env bash
# The district office of SPEC §1, end to end, on a fresh database in a temporary folder:
# catalogue, people and keys, purchases and a Red Cross donation, a transfer to the town
# warehouse, an urgent request from a highway checkpoint, the stock and a stock card, a day's
# medical waste from two sites to the licensed contractor, the ledger's verification, and the
# day's report to headquarters with its HTML page.
set -euo pipefail
cd "$(dirname "$0")/.."

swift build --product depot >/dev/null
depot_binary="$(swift build --show-bin-path)/depot"

work="$(mktemp -d)"
export HOME="$work"                       # key files go to $work/.config/depot/keys
export DEPOT_DB="$work/xianyu.sqlite"
depot() { "$depot_binary" "$@"; }
step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

step "The office and its admin"
depot init --office "仙寓镇 Xianyu Town emergency office" --timezone Asia/Shanghai --admin chen
export DEPOT_USER=chen

step "People, with an enrolled key for the approver"
depot user add wang --role clerk
depot user add zhang --role approver
depot user add sun --role finance
depot user add audit --role auditor
depot key generate --as zhang
depot key enrol zhang

step "Catalogue"
depot item add MASK-SURG --name "一次性医用口罩" --category protective --unit piece \
  --pack box=50 --pack carton=20box --pack wan=10000 --lots
depot item add DISINF-84 --name "84消毒液(浓缩)" --category disinfectant --unit kg --pack t=1000 --lots
depot item add SANITISER --name "免洗手消毒液 700ml" --category disinfectant --unit bottle --pack case=24
depot item add GLOVE --name "一次性手套" --category protective --unit piece --pack box=100
depot item add THERMO-IR --name "额温枪" --category equipment --unit piece --serials

step "Places and parties"
depot location add WH-CENTRAL --name "区应急物资仓库" --kind warehouse --reserve
depot location add WH-TOWN --name "仙寓镇仓库" --kind warehouse
depot location add SITE-CP3 --name "高速卡口3号" --kind site
depot location add SITE-HC1 --name "仙寓镇卫生院" --kind site
depot user add li --role requester --site SITE-CP3
depot party add SUP-JX --name "__超市" --kind supplier
depot party add SUP-PH --name "__医药有限公司" --kind supplier
depot party add DON-RC --name "区红十字会" --kind donor
depot reserve set MASK-SURG WH-CENTRAL --floor 2wan

step "Receipts and a donation"
depot receive --from SUP-JX --to WH-CENTRAL --item MASK-SURG --qty 4 --unit wan \
  --lot L2301 --expiry 2028-01-31 --value 14000.00 --as wang
depot receive --from SUP-PH --to WH-CENTRAL --item DISINF-84 --qty 1.5 --unit t \
  --lot D-1107 --expiry 2027-11-07 --value 6750.00 --as wang
depot receive --from SUP-JX --to WH-CENTRAL --item SANITISER --qty 20 --unit case --value 9600.00 --as wang
depot receive --from SUP-JX --to WH-CENTRAL --item GLOVE --qty 200 --unit box --value 4000.00 --as wang
depot receive --from SUP-JX --to WH-CENTRAL --item THERMO-IR --qty 2 \
  --serial IR-0001 --serial IR-0002 --value 300.00 --as wang
depot donation receive --from DON-RC --to WH-CENTRAL --item MASK-SURG --qty 1 --unit wan \
  --lot RC-77 --expiry 2027-06-30 --value 0 --as wang

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

step "Stock"
depot stock
step "Stock by lot at the central warehouse"
depot stock --at WH-CENTRAL --lots
step "Stock card: surgical masks at the central warehouse"
depot card MASK-SURG --at WH-CENTRAL
step "How long issuance took"
depot report timeliness --as zhang

step "Medical waste: a day's waste from two sites and a leaking drum, to the licensed contractor"
depot key generate --as wang            # the clerk signs write-offs and hand-overs
depot key enrol wang
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

step "The ledger verifies"
depot ledger verify --as audit
depot ledger head --as audit

step "The day's report to headquarters"
depot report daily --html "$work/daily.html" --as zhang
echo
echo "The demo database is $DEPOT_DB; the daily report's page is $work/daily.html"
