# Shared by the reliability drivers: builds or finds the depot binary and sets up a small
# office in a fresh temporary folder. Source it; it defines `depot`, `$work` and `$binary`.

# The drivers read and tamper with the office through the sqlite3 shell.
source Scripts/packages.sh
need_packages sqlite3

binary="${DEPOT_BINARY:-}"
if [ -z "$binary" ]; then
  swift build --product depot >/dev/null
  binary="$(swift build --show-bin-path)/depot"
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export HOME="$work" DEPOT_DB="$work/office.sqlite" DEPOT_USER=chen
unset DEPOT_KEY XDG_CONFIG_HOME
depot() { "$binary" "$@"; }

# Gives a user a key (at the default path) that the admin chen enrols by its fingerprint:
# every write is signed by its actor.
enrol_key() {
  local fingerprint
  fingerprint="$(depot key generate --as "$1" --json | sed -n 's/^  "fingerprint" : "\([0-9a-f]*\)",$/\1/p')"
  depot key enrol "$1" --fingerprint "$fingerprint" --as chen >/dev/null
}

# Adds a user with the given options and an enrolled key.
add_user() {
  depot user add "$@" >/dev/null
  enrol_key "$1"
}

# An office with two warehouses, a site, a donor and a supplier, clerks wang and zhao, an
# approver zhang and a requester li, each with an enrolled key.
set_up_office() {
  depot init --admin chen >/dev/null
  add_user wang --role clerk
  add_user zhao --role clerk
  add_user zhang --role approver
  depot item add GLOVE --name "一次性手套" --category protective --unit piece --pack box=100 >/dev/null
  depot item add MASK --name "一次性医用口罩" --category protective --unit piece --lots >/dev/null
  depot location add WH-A --name "区应急物资仓库" --kind warehouse >/dev/null
  depot location add WH-B --name "仙寓镇仓库" --kind warehouse >/dev/null
  depot location add SITE-CP3 --name "高速卡口3号" --kind site >/dev/null
  add_user li --role requester --site SITE-CP3
  depot party add DON-RC --name "区红十字会" --kind donor >/dev/null
}

# The total on hand of an item over every place, from `depot stock --json`.
total_on_hand() {
  depot stock --item "$1" --json | python3 -c \
    'import json, sys; print(sum(row["onHand"] for row in json.load(sys.stdin)))'
}

# Fails unless SQLite's own integrity check and `depot ledger verify` both pass.
check_database() {
  local integrity
  integrity="$(sqlite3 "$DEPOT_DB" 'PRAGMA integrity_check')"
  [ "$integrity" = "ok" ] || { echo "integrity_check: $integrity" >&2; return 1; }
  depot ledger verify >/dev/null || { depot ledger verify >&2; return 1; }
}
