-- Depot schema, version 1: the office, its people and keys, the catalogue, documents,
-- the append-only movement ledger with stored balances, and the idempotency log.
-- Released migrations are never edited; later versions add files beside this one.

CREATE TABLE office (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  timezone TEXT NOT NULL CHECK (length(timezone) BETWEEN 1 AND 64),
  currency TEXT NOT NULL DEFAULT 'CNY' CHECK (length(currency) = 3),
  created_at TEXT NOT NULL
) STRICT;

CREATE TABLE users (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 64),
  created_at TEXT NOT NULL
) STRICT;

CREATE TABLE user_role (
  user_id INTEGER NOT NULL REFERENCES users(id),
  role TEXT NOT NULL
    CHECK (role IN ('admin', 'clerk', 'approver', 'requester', 'finance', 'auditor')),
  PRIMARY KEY (user_id, role)
) STRICT, WITHOUT ROWID;

-- Public keys. A key is registered as pending, becomes active when an admin enrols it and
-- retired when its owner rotates to a new one. Every change is also a signed document event.
CREATE TABLE user_key (
  id INTEGER PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users(id),
  public_key BLOB NOT NULL UNIQUE CHECK (length(public_key) = 32),
  state TEXT NOT NULL CHECK (state IN ('pending', 'active', 'retired')),
  created_at TEXT NOT NULL,
  activated_at TEXT,
  retired_at TEXT
) STRICT;

CREATE UNIQUE INDEX user_key_one_active ON user_key (user_id) WHERE state = 'active';

CREATE TABLE item (
  id INTEGER PRIMARY KEY,
  code TEXT NOT NULL UNIQUE CHECK (length(code) BETWEEN 1 AND 32),
  name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  category TEXT NOT NULL
    CHECK (category IN ('disinfectant', 'protective', 'equipment', 'medicine', 'other')),
  base_unit TEXT NOT NULL CHECK (length(base_unit) BETWEEN 1 AND 16),
  tracking TEXT NOT NULL CHECK (tracking IN ('none', 'lot', 'serial')),
  created_at TEXT NOT NULL
) STRICT;

-- Named pack sizes, in base units: box = 50 piece, carton = 1000 piece.
CREATE TABLE item_pack (
  item_id INTEGER NOT NULL REFERENCES item(id),
  name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 16),
  base_quantity INTEGER NOT NULL CHECK (base_quantity > 0),
  PRIMARY KEY (item_id, name)
) STRICT, WITHOUT ROWID;

-- Every place or party that stock can come from or go to. Physical accounts hold stock and
-- can never go negative; suppliers and donors go negative by what they delivered, and the
-- sinks (consumed, disposed, lost) only grow.
CREATE TABLE account (
  id INTEGER PRIMARY KEY,
  code TEXT NOT NULL UNIQUE CHECK (length(code) BETWEEN 1 AND 32),
  name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  kind TEXT NOT NULL CHECK (kind IN (
    'warehouse', 'site', 'waste-point', 'transit',
    'supplier', 'donor', 'contractor',
    'consumed', 'disposed', 'lost')),
  is_reserve INTEGER NOT NULL DEFAULT 0 CHECK (is_reserve IN (0, 1)),
  holds_stock INTEGER NOT NULL
    GENERATED ALWAYS AS (kind IN ('warehouse', 'site', 'waste-point', 'transit')) VIRTUAL,
  licence TEXT,
  licence_expires TEXT,
  lead_time_days INTEGER CHECK (lead_time_days BETWEEN 0 AND 365),
  created_at TEXT NOT NULL,
  CHECK (is_reserve = 0 OR kind = 'warehouse')
) STRICT;

CREATE TABLE user_site (
  user_id INTEGER NOT NULL REFERENCES users(id),
  account_id INTEGER NOT NULL REFERENCES account(id),
  PRIMARY KEY (user_id, account_id)
) STRICT, WITHOUT ROWID;

-- Closed accounting months ('2026-11'): nothing may be posted on or before their last day.
CREATE TABLE period_close (
  period TEXT PRIMARY KEY CHECK (period GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]'),
  closed_by INTEGER NOT NULL REFERENCES users(id),
  closed_at TEXT NOT NULL
) STRICT, WITHOUT ROWID;

-- Numbered business records. Numbers are per kind and year, gap-free: REQ-2026-000042.
CREATE TABLE document (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL
    CHECK (kind IN (
      'PR', 'PO', 'RCV', 'DON', 'REQ', 'TRF', 'CNT', 'ADJ', 'WST', 'MAN', 'USE', 'RET')),
  year INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 9999),
  sequence INTEGER NOT NULL CHECK (sequence > 0),
  number TEXT NOT NULL UNIQUE,
  state TEXT NOT NULL,
  effective_date TEXT NOT NULL,
  created_by INTEGER NOT NULL REFERENCES users(id),
  created_at TEXT NOT NULL,
  source_account_id INTEGER REFERENCES account(id),
  destination_account_id INTEGER REFERENCES account(id),
  reverses_document_id INTEGER REFERENCES document(id),
  note TEXT,
  UNIQUE (kind, year, sequence)
) STRICT;

-- A stock layer: one lot number (or one serial number) of one item from one source. Stock of
-- untracked items is kept in one anonymous layer per item, source and order, so value and
-- provenance always travel with the goods.
CREATE TABLE lot (
  id INTEGER PRIMARY KEY,
  item_id INTEGER NOT NULL REFERENCES item(id),
  number TEXT CHECK (length(number) BETWEEN 1 AND 64),
  expiry TEXT,
  source_account_id INTEGER NOT NULL REFERENCES account(id),
  order_document_id INTEGER REFERENCES document(id),
  receipt_document_id INTEGER NOT NULL REFERENCES document(id),
  created_at TEXT NOT NULL
) STRICT;

CREATE UNIQUE INDEX lot_identity
  ON lot (item_id, number, source_account_id, ifnull(order_document_id, 0))
  WHERE number IS NOT NULL;

CREATE UNIQUE INDEX lot_anonymous_identity
  ON lot (item_id, source_account_id, ifnull(order_document_id, 0))
  WHERE number IS NULL;

-- The ledger: one immutable line per quantity of one lot moved between two accounts.
CREATE TABLE movement (
  id INTEGER PRIMARY KEY,
  item_id INTEGER NOT NULL REFERENCES item(id),
  lot_id INTEGER NOT NULL REFERENCES lot(id),
  from_account_id INTEGER NOT NULL REFERENCES account(id),
  to_account_id INTEGER NOT NULL REFERENCES account(id),
  quantity INTEGER NOT NULL CHECK (quantity > 0),
  value INTEGER NOT NULL CHECK (value >= 0),
  document_id INTEGER NOT NULL REFERENCES document(id),
  actor_id INTEGER NOT NULL REFERENCES users(id),
  effective_date TEXT NOT NULL
    CHECK (effective_date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
  recorded_at TEXT NOT NULL,
  reverses_movement_id INTEGER REFERENCES movement(id),
  hash BLOB NOT NULL CHECK (length(hash) = 32),
  CHECK (from_account_id <> to_account_id)
) STRICT;

CREATE INDEX movement_item_from ON movement (item_id, from_account_id);
CREATE INDEX movement_item_to ON movement (item_id, to_account_id);
CREATE INDEX movement_lot ON movement (lot_id);
CREATE INDEX movement_document ON movement (document_id);

-- Balances kept for fast reads; always equal to the sum over movements (checked by verify).
CREATE TABLE balance (
  account_id INTEGER NOT NULL REFERENCES account(id),
  lot_id INTEGER NOT NULL REFERENCES lot(id),
  item_id INTEGER NOT NULL REFERENCES item(id),
  quantity INTEGER NOT NULL,
  value INTEGER NOT NULL,
  PRIMARY KEY (account_id, lot_id)
) STRICT, WITHOUT ROWID;

CREATE INDEX balance_item ON balance (item_id, account_id);

-- Every state change of a document, and every other write's record, hash-chained.
CREATE TABLE document_event (
  id INTEGER PRIMARY KEY,
  document_id INTEGER REFERENCES document(id),
  subject TEXT NOT NULL,
  action TEXT NOT NULL,
  from_state TEXT,
  to_state TEXT,
  actor_id INTEGER NOT NULL REFERENCES users(id),
  recorded_at TEXT NOT NULL,
  reason TEXT,
  payload TEXT NOT NULL,
  signature_version INTEGER,
  key_id INTEGER REFERENCES user_key(id),
  signature BLOB CHECK (signature IS NULL OR length(signature) = 64),
  hash BLOB NOT NULL CHECK (length(hash) = 32),
  CHECK ((signature IS NULL) = (key_id IS NULL)),
  CHECK ((signature IS NULL) = (signature_version IS NULL))
) STRICT;

CREATE INDEX document_event_document ON document_event (document_id);

-- Idempotency: what a user's --ref first did, and with which explicit inputs.
CREATE TABLE request_log (
  user_id INTEGER NOT NULL REFERENCES users(id),
  ref TEXT NOT NULL CHECK (length(ref) BETWEEN 1 AND 128),
  command TEXT NOT NULL,
  inputs TEXT NOT NULL,
  result TEXT NOT NULL,
  recorded_at TEXT NOT NULL,
  PRIMARY KEY (user_id, ref)
) STRICT, WITHOUT ROWID;

-- Append-only, enforced by the database itself whoever writes.
CREATE TRIGGER movement_is_append_only_update BEFORE UPDATE ON movement
BEGIN
  SELECT RAISE(ABORT, 'depot: movements are append-only');
END;

CREATE TRIGGER movement_is_append_only_delete BEFORE DELETE ON movement
BEGIN
  SELECT RAISE(ABORT, 'depot: movements are append-only');
END;

CREATE TRIGGER document_event_is_append_only_update BEFORE UPDATE ON document_event
BEGIN
  SELECT RAISE(ABORT, 'depot: document events are append-only');
END;

CREATE TRIGGER document_event_is_append_only_delete BEFORE DELETE ON document_event
BEGIN
  SELECT RAISE(ABORT, 'depot: document events are append-only');
END;

-- Each movement updates both balances in the same statement, and no physical place may end
-- up below zero, or holding value without quantity.
CREATE TRIGGER movement_updates_balance AFTER INSERT ON movement
BEGIN
  INSERT INTO balance (account_id, lot_id, item_id, quantity, value)
    VALUES (NEW.to_account_id, NEW.lot_id, NEW.item_id, NEW.quantity, NEW.value)
    ON CONFLICT (account_id, lot_id) DO UPDATE
      SET quantity = quantity + excluded.quantity, value = value + excluded.value;
  INSERT INTO balance (account_id, lot_id, item_id, quantity, value)
    VALUES (NEW.from_account_id, NEW.lot_id, NEW.item_id, -NEW.quantity, -NEW.value)
    ON CONFLICT (account_id, lot_id) DO UPDATE
      SET quantity = quantity + excluded.quantity, value = value + excluded.value;
  SELECT RAISE(ABORT, 'depot: negative stock')
    FROM balance AS b JOIN account AS a ON a.id = b.account_id
    WHERE b.account_id = NEW.from_account_id AND b.lot_id = NEW.lot_id AND a.holds_stock = 1
      AND (b.quantity < 0 OR b.value < 0 OR (b.quantity = 0 AND b.value <> 0));
END;

INSERT INTO account (code, name, kind, created_at) VALUES
  ('transit', 'in transit', 'transit', '1970-01-01T00:00:00.000Z'),
  ('consumed', 'consumed at sites', 'consumed', '1970-01-01T00:00:00.000Z'),
  ('disposed', 'disposed by contractors', 'disposed', '1970-01-01T00:00:00.000Z'),
  ('lost', 'lost or missing', 'lost', '1970-01-01T00:00:00.000Z');
