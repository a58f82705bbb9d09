#!/usr/bin/env bash
# Attack driver (issue 12): a requester at a checkpoint who can open the office's database
# file and holds only her own key tries to act as someone else, raise what was approved,
# post into a closed month or the future, make an export overwrite what it must not, and edit
# the tables behind the program's back. Every attempt must be refused (with the exit code
# SPEC §5 gives it, nothing written) or found by `depot ledger verify`.
#
#   Scripts/attack.sh [--short]      (--short, as CI runs it: the first dozen table edits)
set -euo pipefail
cd "$(dirname "$0")/.."

short=0
source Scripts/options.sh "[--short]" "$@"
source Scripts/lib.sh
export DEPOT_NOW="2026-12-01T02:00:00.000Z"   # the debug binary's clock: 10:00 in Shanghai
attacks=0
stopped=0
fail() { echo "attack: $*" >&2; exit 1; }

# refused CODE TEXT COMMAND...: the command must exit with CODE, print TEXT on stderr and
# leave the database as it was.
refused() {
  local code="$1" text="$2"
  shift 2
  attacks=$((attacks + 1))
  local before after status=0
  before="$(sqlite3 "$DEPOT_DB" .dump | sha256sum)"
  depot "$@" >"$work/out" 2>"$work/err" || status=$?
  after="$(sqlite3 "$DEPOT_DB" .dump | sha256sum)"
  [ "$status" = "$code" ] || fail "'$*' exited $status, not $code: $(cat "$work/err")"
  grep -qF -- "$text" "$work/err" || fail "'$*' did not say '$text': $(cat "$work/err")"
  [ "$before" = "$after" ] || fail "'$*' changed the database although it was refused"
  stopped=$((stopped + 1))
}

# found NAME SQL: the SQL, run with the sqlite3 shell on a copy of the office, must make
# `ledger verify` fail.
found() {
  local name="$1" sql="$2"
  attacks=$((attacks + 1))
  cp "$DEPOT_DB" "$work/tampered.sqlite"
  sqlite3 "$work/tampered.sqlite" "$sql" || fail "$name: the SQL itself failed"
  if depot ledger verify --db "$work/tampered.sqlite" >"$work/verify" 2>&1; then
    fail "$name: ledger verify found nothing"
  fi
  stopped=$((stopped + 1))
  rm -f "$work/tampered.sqlite"*
}

fingerprint() { sed -n 's/^  "fingerprint" : "\([0-9a-f]*\)",$/\1/p'; }

set_up_office
add_user sun --role finance
depot item add PACKED --name "盒装口罩" --category protective --unit piece --pack box=50 >/dev/null
depot party add SUP-JX --name "__超市" --kind supplier >/dev/null
depot reserve set GLOVE WH-A --floor 10 >/dev/null
depot donation receive --from DON-RC --to WH-A --item GLOVE --qty 500 --value 0 --as wang \
  --date 2026-11-20 --ref don-1 >/dev/null
request="$(depot issue request --from WH-A --to SITE-CP3 --item GLOVE=30 --as li --json \
  | sed -n 's/^  "number" : "\(REQ-[0-9-]*\)",$/\1/p')"
depot issue approve "$request" --as zhang >/dev/null
depot procure request --item GLOVE=100 --reason "reserve" --as wang >/dev/null
depot procure approve PR-2026-000001 --as zhang >/dev/null
depot procure order PR-2026-000001 --supplier SUP-JX --price GLOVE=0.10 --emergency \
  --justification "outbreak" --as zhang >/dev/null
depot count --at WH-A --item GLOVE --counted 470 --as wang >/dev/null
depot period close 2026-11 --as sun >/dev/null
depot donation receive --from DON-RC --to WH-B --item PACKED --qty 50 --value 0 --as wang >/dev/null
depot reverse DON-2026-000002 --reason "entered twice" --as zhang >/dev/null
li_key="$HOME/.config/depot/keys/li.key"
check_database

# 1. Role escalation: a role grant needs the admin's own key; li's key signs nothing of chen's.
refused 2 "is not chen's enrolled key" user grant li --role admin --as chen --key "$li_key"
refused 2 "no private key for chen at $work/nobody.key" user grant li --role admin --as chen \
  --key "$work/nobody.key"
# A key registered in zhang's name is only pending: it enrols nothing and signs nothing.
depot key generate --as zhang --key "$work/forged.key" >/dev/null
forged="$(depot key show zhang --json | python3 -c \
  'import json,sys; print([k["fingerprint"] for k in json.load(sys.stdin)["keys"] if k["state"]=="pending"][0])')"
refused 2 "li may not enrol keys" key enrol zhang --fingerprint "$forged" --as li
refused 2 "zhang's key is still pending" issue approve "$request" --as zhang --key "$work/forged.key"
refused 2 "may not approve" issue approve "$request" --as li
refused 2 "li may not reverse documents" reverse DON-2026-000001 --reason "mine now" --as li
# 2. Key hijack: the forged pending key does not block zhang's own, and a prefix enrols nothing.
own="$(depot key generate --as zhang --key "$work/zhang-phone.key" --label phone --json | fingerprint)"
refused 1 "is not a whole key fingerprint" key enrol zhang --fingerprint "${own:0:16}" --as chen
depot key enrol zhang --fingerprint "$own" --as chen >/dev/null
check_database

# 3. Dates: nothing posts into the closed month or the future, on a new or an existing document.
refused 1 "the period 2026-11 is closed" issue ship "$request" --date 2026-11-30 --as wang
refused 1 "that is after today" issue ship "$request" --date 2026-12-31 --as wang
refused 1 "the closed period 2026-11" transfer --from WH-A --to WH-B --item GLOVE --qty 1 --date 2026-11-30 \
  --as wang
depot issue ship "$request" --as wang >/dev/null
refused 1 "the period 2026-11 is closed" issue confirm "$request" --received GLOVE=30 \
  --date 2026-11-30 --as li
check_database

# 4. Files that leave the program never overwrite the database, its journal, a key or a device.
refused 1 "$DEPOT_DB-wal" export ledger --out "$DEPOT_DB-wal" --as sun
refused 1 "$DEPOT_DB" export ledger --out "$DEPOT_DB" --as sun --force
refused 1 "$li_key" export ledger --out "$li_key" --as sun --force
mkdir -p "$work/shared"
ln -s "$DEPOT_DB" "$work/shared/ledger.csv"
refused 1 "$work/shared/ledger.csv" export ledger --out "$work/shared/ledger.csv" --as sun --force
if [ "$(id -u)" = 0 ]; then
  refused 1 "/dev/null" export ledger --out /dev/null --as sun --force
  [ -c /dev/null ] || fail "/dev/null is no longer a device"
fi
check_database

# 5. Edits behind the program's back, each on a copy: verify must find every one.
edits=(
  "approved quantity raised|UPDATE issuance_line SET approved = approved + 100, requested = requested + 100"
  "author changed for four eyes|UPDATE document SET created_by = (SELECT id FROM users WHERE name = 'zhang') WHERE number = '$request'"
  "period close deleted|DELETE FROM period_close"
  "order quantity raised|UPDATE purchase_order_line SET ordered = ordered * 10"
  "emergency flag cleared|UPDATE purchase_order SET emergency = 0"
  "account kind changed|UPDATE account SET kind = 'site' WHERE code = 'WH-B'"
  "pack size changed|UPDATE item_pack SET base_quantity = 500"
  "reserve floor lowered|UPDATE reserve_level SET floor = 0"
  "time zone changed|UPDATE office SET timezone = 'UTC'"
  "count line changed|DROP TRIGGER stock_count_line_is_a_record_update; UPDATE stock_count_line SET counted = 500"
  "role granted|INSERT INTO user_role (user_id, role) SELECT id, 'admin' FROM users WHERE name = 'li'"
  "append-only trigger dropped|DROP TRIGGER movement_is_append_only_update"
  "forged key activated|UPDATE user_key SET state = 'active' WHERE state = 'pending'"
  "image trigger dropped, row edited|DROP TRIGGER users_image_update; UPDATE users SET name = 'mallory' WHERE name = 'li'"
  "site binding added|INSERT INTO user_site SELECT u.id, a.id FROM users u, account a WHERE u.name = 'li' AND a.code = 'WH-A'"
  "lot expiry changed|UPDATE lot SET expiry = '2030-01-01'"
  "envelope removed|DROP TRIGGER envelope_is_append_only_delete; DELETE FROM envelope WHERE id = (SELECT max(id) FROM envelope)"
  "row image removed|DROP TRIGGER row_image_is_append_only_delete; DELETE FROM row_image WHERE id = (SELECT max(id) FROM row_image)"
  "movement dated into the closed month|DROP TRIGGER movement_is_append_only_update; UPDATE movement SET effective_date = '2026-11-30' WHERE id = (SELECT max(id) FROM movement)"
  "movement dated in the future|DROP TRIGGER movement_is_append_only_update; UPDATE movement SET effective_date = '2027-01-01' WHERE id = (SELECT max(id) FROM movement)"
  "event inserted|INSERT INTO document_event (document_id, subject, action, actor_id, recorded_at, payload, hash) SELECT document_id, subject, 'issue.approve', actor_id, recorded_at, payload, randomblob(32) FROM document_event WHERE id = 1"
  "document state changed|UPDATE document SET state = 'closed' WHERE number = '$request'"
  "price lowered|UPDATE purchase_order_line SET price = 1"
  "user key replaced|UPDATE user_key SET public_key = randomblob(32) WHERE id = 1"
  "request log result forged|UPDATE request_log SET result = '{}'"
  "shipped quantity lowered|UPDATE issuance_line SET shipped = shipped - 1"
  "licence changed|UPDATE account SET licence = 'FORGED' WHERE code = 'DON-RC'"
  "reversal link moved|DROP TRIGGER document_reversal_is_kept; UPDATE document SET reverses_document_id = (SELECT id FROM document WHERE number = 'DON-2026-000001') WHERE kind = 'REV'"
  "reversing movement unlinked|DROP TRIGGER movement_is_append_only_update; UPDATE movement SET reverses_movement_id = NULL"
  "nonce reused, uniqueness removed|CREATE TABLE copy AS SELECT * FROM envelope; DROP TABLE envelope; ALTER TABLE copy RENAME TO envelope; UPDATE envelope SET nonce = (SELECT nonce FROM envelope WHERE id = 1) WHERE id = 2"
)
limit=${#edits[@]}
[ "$short" = 1 ] && limit=12
for edit in "${edits[@]:0:$limit}"; do
  found "${edit%%|*}" "${edit#*|}"
done

echo "attack: $attacks attacks, $stopped refused or found by verify, $((attacks - stopped)) missed"
