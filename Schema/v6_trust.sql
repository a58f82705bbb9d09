-- Depot schema, version 6: every write is one signed envelope (SPEC §7), and every row that
-- decides anything is under verification.
--
-- * `envelope`: one row per write: who (actor, key), what (use case, inputs, the roles it
--   needed), what it builds on (the hash of the document's latest event), when, a nonce
--   unique for good, and the id ranges and SHA-256 digests of the movements, events and row
--   images it wrote. The signature covers all of it; verify recomputes the digests from the
--   rows themselves.
-- * `row_image`: the triggers below append the full image of every inserted or updated row of
--   every table that roles, four eyes, quantities, prices, dates, places, floors or states
--   depend on. Each image lies in exactly one envelope's range, so it is signed; verify
--   compares every current row with its latest image, so a row changed behind the program's
--   back, with or without its triggers, is found.
-- * `ledger_format`: how many movements, events and images predate envelopes (written by this
--   migration; zero for an office created by this version).
-- A later migration that changes one of these tables' columns must recreate its image
-- triggers and write a fresh image of each row in the same way.

CREATE TABLE ledger_format (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  legacy_movements INTEGER NOT NULL,
  legacy_events INTEGER NOT NULL,
  legacy_images INTEGER NOT NULL
) STRICT;

CREATE TABLE row_image (
  id INTEGER PRIMARY KEY,
  table_name TEXT NOT NULL,
  row_key TEXT NOT NULL,
  image TEXT
) STRICT;

CREATE INDEX row_image_latest ON row_image (table_name, row_key, id);

CREATE TABLE envelope (
  id INTEGER PRIMARY KEY,
  version INTEGER NOT NULL,
  office TEXT NOT NULL,
  actor_id INTEGER NOT NULL REFERENCES users(id),
  key_id INTEGER NOT NULL REFERENCES user_key(id),
  use_case TEXT NOT NULL,
  inputs TEXT NOT NULL,
  roles TEXT NOT NULL,
  base_hash BLOB CHECK (base_hash IS NULL OR length(base_hash) = 32),
  signed_at TEXT NOT NULL,
  nonce BLOB NOT NULL UNIQUE CHECK (length(nonce) = 16),
  first_movement_id INTEGER NOT NULL,
  movement_count INTEGER NOT NULL CHECK (movement_count >= 0),
  movement_digest BLOB NOT NULL CHECK (length(movement_digest) = 32),
  first_event_id INTEGER NOT NULL,
  event_count INTEGER NOT NULL CHECK (event_count >= 0),
  event_digest BLOB NOT NULL CHECK (length(event_digest) = 32),
  first_image_id INTEGER NOT NULL,
  image_count INTEGER NOT NULL CHECK (image_count >= 0),
  image_digest BLOB NOT NULL CHECK (length(image_digest) = 32),
  signature BLOB NOT NULL CHECK (length(signature) = 64)
) STRICT;

CREATE TRIGGER envelope_is_append_only_update BEFORE UPDATE ON envelope
BEGIN
  SELECT RAISE(ABORT, 'depot: envelopes are append-only');
END;

CREATE TRIGGER envelope_is_append_only_delete BEFORE DELETE ON envelope
BEGIN
  SELECT RAISE(ABORT, 'depot: envelopes are append-only');
END;

CREATE TRIGGER row_image_is_append_only_update BEFORE UPDATE ON row_image
BEGIN
  SELECT RAISE(ABORT, 'depot: row images are append-only');
END;

CREATE TRIGGER row_image_is_append_only_delete BEFORE DELETE ON row_image
BEGIN
  SELECT RAISE(ABORT, 'depot: row images are append-only');
END;

-- The office's code, part of every envelope and every chain hash from now on.
ALTER TABLE office ADD COLUMN code TEXT NOT NULL DEFAULT 'main'
  CHECK (length(code) BETWEEN 1 AND 32);

-- A user may hold several active keys, one per device, each with a label; a revoked key
-- signs nothing from then on.
DROP INDEX user_key_one_active;
ALTER TABLE user_key ADD COLUMN label TEXT CHECK (label IS NULL OR length(label) <= 64);
ALTER TABLE user_key ADD COLUMN revoked_at TEXT;

-- Codes and user names are unique ignoring letter case.
CREATE UNIQUE INDEX item_code_any_case ON item (code COLLATE NOCASE);
CREATE UNIQUE INDEX account_code_any_case ON account (code COLLATE NOCASE);
CREATE UNIQUE INDEX users_name_any_case ON users (name COLLATE NOCASE);

CREATE TRIGGER office_image_insert AFTER INSERT ON office
BEGIN
  INSERT INTO row_image (table_name, row_key, image)
    VALUES ('office', json_array(NEW.id), json_array(NEW.id, NEW.name, NEW.timezone, NEW.currency, NEW.created_at, NEW.code));
END;

CREATE TRIGGER office_image_update AFTER UPDATE ON office
BEGIN
  INSERT INTO row_image (table_name, row_key, image)
    VALUES ('office', json_array(NEW.id), json_array(NEW.id, NEW.name, NEW.timezone, NEW.currency, NEW.created_at, NEW.code));
END;

CREATE TRIGGER office_image_delete AFTER DELETE ON office
BEGIN
  INSERT INTO row_image (table_name, row_key, image)
    VALUES ('office', json_array(OLD.id), NULL);
END;

INSERT INTO row_image (table_name, row_key, image)
  SELECT 'office', json_array(office.id), json_array(office.id, office.name, office.timezone, office.currency, office.created_at, office.code) FROM office;

CREATE TRIGGER users_image_insert AFTER INSERT ON users
BEGIN
  INSERT INTO row_image (table_name, row_key, image)
    VALUES ('users', json_array(NEW.id), json_array(NEW.id, NEW.name, NEW.created_at));
END;

CREATE TRIGGER users_image_update AFTER UPDATE ON users
BEGIN
  INSERT INTO row_image (table_name, row_key, image)
    VALUES ('users', json_array(NEW.id), json_array(NEW.id, NEW.name, NEW.created_at));
END;

CREATE TRIGGER users_image_delete AFTER DELETE ON users
BEGIN
  INSERT INTO row_image (table_name, row_key, image)
    VALUES ('users', json_array(OLD.id), NULL);
END;

INSERT INTO row_image (table_name, row_key, image)
  SELECT 'users', json_array(users.id), json_array(users.id, users.name, users.created_at) FROM users;

CREATE TRIGGER user_role_image_insert AFTER INSERT ON user_role
BEGIN
  INSERT INTO row_image (table_name, row_key, image)
    VALUES ('user_role', json_array(NEW.user_id, NEW.role), json_array(NEW.user_id, NEW.role));
END;

CREATE TRIGGER user_role_image_update AFTER UPDATE ON user_role
BEGIN
  INSERT INTO row_image (table_name, row_key, image)
    VALUES ('user_role', json_array(NEW.user_id, NEW.role), json_array(NEW.user_id, NEW.role));
END;

CREATE TRIGGER user_role_image_delete AFTER DELETE ON user_role
BEGIN
  INSERT INTO row_image (table_name, row_key, image)
    VALUES ('user_role', json_array(OLD.user_id, OLD.role), NULL);
END;

INSERT INTO row_image (table_name, row_key, image)
  SELECT 'user_role', json_array(user_role.user_id, user_role.role), json_array(user_role.user_id, user_role.role) FROM user_role;

CREATE TRIGGER user_key_image_insert AFTER INSERT ON user_key
BEGIN
  INSERT INTO row_image (table_name, row_key, image)
    VALUES ('user_key', json_array(NEW.id), json_array(NEW.id, NEW.user_id, hex(NEW.public_key), NEW.state, NEW.created_at, NEW.activated_at, NEW.retired_at, NEW.label, NEW.revoked_at));
END;

CREATE TRIGGER user_key_image_update AFTER UPDATE ON user_key
BEGIN
  INSERT INTO row_image (table_name, row_key, image)
    VALUES ('user_key', json_array(NEW.id), json_array(NEW.id, NEW.user_id, hex(NEW.public_key), NEW.state, NEW.created_at, NEW.activated_at, NEW.retired_at, NEW.label, NEW.revoked_at));
END;

CREATE TRIGGER user_key_image_delete AFTER DELETE ON user_key
BEGIN
  INSERT INTO row_image (table_name, row_key, image)
    VALUES ('user_key', json_array(OLD.id), NULL);
END;

INSERT INTO row_image (table_name, row_key, image)
  SELECT 'user_key', json_array(user_key.id), json_array(user_key.id, user_key.user_id, hex(user_key.public_key), user_key.state, user_key.created_at, user_key.activated_at, user_key.retired_at, user_key.label, user_key.revoked_at) FROM user_key;

CREATE TRIGGER item_image_insert AFTER INSERT ON item
BEGIN
  INSERT INTO row_image (table_name, row_key, image)
    VALUES ('item', json_array(NEW.id), json_array(NEW.id, NEW.code, NEW.name, NEW.category, NEW.base_unit, NEW.tracking, NEW.created_at));
END;

CREATE TRIGGER item_image_update AFTER UPDATE ON item
BEGIN
  INSERT INTO row_image (table_name, row_key, image)
    VALUES ('item', json_array(NEW.id), json_array(NEW.id, NEW.code, NEW.name, NEW.category, NEW.base_unit, NEW.tracking, NEW.created_at));
END;

CREATE TRIGGER item_image_delete AFTER DELETE ON item
BEGIN
  INSERT INTO row_image (table_name, row_key, image)
    VALUES ('item', json_array(OLD.id), NULL);
END;

INSERT INTO row_image (table_name, row_key, image)
  SELECT 'item', json_array(item.id), json_array(item.id, item.code, item.name, item.category, item.base_unit, item.tracking, item.created_at) FROM item;

CREATE TRIGGER item_pack_image_insert AFTER INSERT ON item_pack
BEGIN
  INSERT INTO row_image (table_name, row_key, image)
    VALUES ('item_pack', json_array(NEW.item_id, NEW.name), json_array(NEW.item_id, NEW.name, NEW.base_quantity));
END;

CREATE TRIGGER item_pack_image_update AFTER UPDATE ON item_pack
BEGIN
  INSERT INTO row_image (table_name, row_key, image)
    VALUES ('item_pack', json_array(NEW.item_id, NEW.name), json_array(NEW.item_id, NEW.name, NEW.base_quantity));
END;

CREATE TRIGGER item_pack_image_delete AFTER DELETE ON item_pack
BEGIN
  INSERT INTO row_image (table_name, row_key, image)
    VALUES ('item_pack', json_array(OLD.item_id, OLD.name), NULL);
END;

INSERT INTO row_image (table_name, row_key, image)
  SELECT 'item_pack', json_array(item_pack.item_id, item_pack.name), json_array(item_pack.item_id, item_pack.name, item_pack.base_quantity) FROM item_pack;

CREATE TRIGGER account_image_insert AFTER INSERT ON account
BEGIN
  INSERT INTO row_image (table_name, row_key, image)
    VALUES ('account', json_array(NEW.id), json_array(NEW.id, NEW.code, NEW.name, NEW.kind, NEW.is_reserve, NEW.licence, NEW.licence_expires, NEW.lead_time_days, NEW.created_at));
END;

CREATE TRIGGER account_image_update AFTER UPDATE ON account
BEGIN
  INSERT INTO row_image (table_name, row_key, image)
    VALUES ('account', json_array(NEW.id), json_array(NEW.id, NEW.code, NEW.name, NEW.kind, NEW.is_reserve, NEW.licence, NEW.licence_expires, NEW.lead_time_days, NEW.created_at));
END;

CREATE TRIGGER account_image_delete AFTER DELETE ON account
BEGIN
  INSERT INTO row_image (table_name, row_key, image)
    VALUES ('account', json_array(OLD.id), NULL);
END;

INSERT INTO row_image (table_name, row_key, image)
  SELECT 'account', json_array(account.id), json_array(account.id, account.code, account.name, account.kind, account.is_reserve, account.licence, account.licence_expires, account.lead_time_days, account.created_at) FROM account;

CREATE TRIGGER user_site_image_insert AFTER INSERT ON user_site
BEGIN
  INSERT INTO row_image (table_name, row_key, image)
    VALUES ('user_site', json_array(NEW.user_id, NEW.account_id), json_array(NEW.user_id, NEW.account_id));
END;

CREATE TRIGGER user_site_image_update AFTER UPDATE ON user_site
BEGIN
  INSERT INTO row_image (table_name, row_key, image)
    VALUES ('user_site', json_array(NEW.user_id, NEW.account_id), json_array(NEW.user_id, NEW.account_id));
END;

CREATE TRIGGER user_site_image_delete AFTER DELETE ON user_site
BEGIN
  INSERT INTO row_image (table_name, row_key, image)
    VALUES ('user_site', json_array(OLD.user_id, OLD.account_id), NULL);
END;

INSERT INTO row_image (table_name, row_key, image)
  SELECT 'user_site', json_array(user_site.user_id, user_site.account_id), json_array(user_site.user_id, user_site.account_id) FROM user_site;

CREATE TRIGGER period_close_image_insert AFTER INSERT ON period_close
BEGIN
  INSERT INTO row_image (table_name, row_key, image)
    VALUES ('period_close', json_array(NEW.period), json_array(NEW.period, NEW.closed_by, NEW.closed_at));
END;

CREATE TRIGGER period_close_image_update AFTER UPDATE ON period_close
BEGIN
  INSERT INTO row_image (table_name, row_key, image)
    VALUES ('period_close', json_array(NEW.period), json_array(NEW.period, NEW.closed_by, NEW.closed_at));
END;

CREATE TRIGGER period_close_image_delete AFTER DELETE ON period_close
BEGIN
  INSERT INTO row_image (table_name, row_key, image)
    VALUES ('period_close', json_array(OLD.period), NULL);
END;

INSERT INTO row_image (table_name, row_key, image)
  SELECT 'period_close', json_array(period_close.period), json_array(period_close.period, period_close.closed_by, period_close.closed_at) FROM period_close;

CREATE TRIGGER document_image_insert AFTER INSERT ON document
BEGIN
  INSERT INTO row_image (table_name, row_key, image)
    VALUES ('document', json_array(NEW.id), json_array(NEW.id, NEW.kind, NEW.year, NEW.sequence, NEW.number, NEW.state, NEW.effective_date, NEW.created_by, NEW.created_at, NEW.source_account_id, NEW.destination_account_id, NEW.reverses_document_id, NEW.note));
END;

CREATE TRIGGER document_image_update AFTER UPDATE ON document
BEGIN
  INSERT INTO row_image (table_name, row_key, image)
    VALUES ('document', json_array(NEW.id), json_array(NEW.id, NEW.kind, NEW.year, NEW.sequence, NEW.number, NEW.state, NEW.effective_date, NEW.created_by, NEW.created_at, NEW.source_account_id, NEW.destination_account_id, NEW.reverses_document_id, NEW.note));
END;

CREATE TRIGGER document_image_delete AFTER DELETE ON document
BEGIN
  INSERT INTO row_image (table_name, row_key, image)
    VALUES ('document', json_array(OLD.id), NULL);
END;

INSERT INTO row_image (table_name, row_key, image)
  SELECT 'document', json_array(document.id), json_array(document.id, document.kind, document.year, document.sequence, document.number, document.state, document.effective_date, document.created_by, document.created_at, document.source_account_id, document.destination_account_id, document.reverses_document_id, document.note) FROM document;

CREATE TRIGGER lot_image_insert AFTER INSERT ON lot
BEGIN
  INSERT INTO row_image (table_name, row_key, image)
    VALUES ('lot', json_array(NEW.id), json_array(NEW.id, NEW.item_id, NEW.number, NEW.expiry, NEW.source_account_id, NEW.order_document_id, NEW.receipt_document_id, NEW.created_at));
END;

CREATE TRIGGER lot_image_update AFTER UPDATE ON lot
BEGIN
  INSERT INTO row_image (table_name, row_key, image)
    VALUES ('lot', json_array(NEW.id), json_array(NEW.id, NEW.item_id, NEW.number, NEW.expiry, NEW.source_account_id, NEW.order_document_id, NEW.receipt_document_id, NEW.created_at));
END;

CREATE TRIGGER lot_image_delete AFTER DELETE ON lot
BEGIN
  INSERT INTO row_image (table_name, row_key, image)
    VALUES ('lot', json_array(OLD.id), NULL);
END;

INSERT INTO row_image (table_name, row_key, image)
  SELECT 'lot', json_array(lot.id), json_array(lot.id, lot.item_id, lot.number, lot.expiry, lot.source_account_id, lot.order_document_id, lot.receipt_document_id, lot.created_at) FROM lot;

CREATE TRIGGER request_log_image_insert AFTER INSERT ON request_log
BEGIN
  INSERT INTO row_image (table_name, row_key, image)
    VALUES ('request_log', json_array(NEW.user_id, NEW.ref), json_array(NEW.user_id, NEW.ref, NEW.command, NEW.inputs, NEW.result, NEW.recorded_at));
END;

CREATE TRIGGER request_log_image_update AFTER UPDATE ON request_log
BEGIN
  INSERT INTO row_image (table_name, row_key, image)
    VALUES ('request_log', json_array(NEW.user_id, NEW.ref), json_array(NEW.user_id, NEW.ref, NEW.command, NEW.inputs, NEW.result, NEW.recorded_at));
END;

CREATE TRIGGER request_log_image_delete AFTER DELETE ON request_log
BEGIN
  INSERT INTO row_image (table_name, row_key, image)
    VALUES ('request_log', json_array(OLD.user_id, OLD.ref), NULL);
END;

INSERT INTO row_image (table_name, row_key, image)
  SELECT 'request_log', json_array(request_log.user_id, request_log.ref), json_array(request_log.user_id, request_log.ref, request_log.command, request_log.inputs, request_log.result, request_log.recorded_at) FROM request_log;

CREATE TRIGGER issuance_request_image_insert AFTER INSERT ON issuance_request
BEGIN
  INSERT INTO row_image (table_name, row_key, image)
    VALUES ('issuance_request', json_array(NEW.document_id), json_array(NEW.document_id, NEW.priority, NEW.needed_by, NEW.floor_override_reason, NEW.requested_at, NEW.approved_at, NEW.first_shipped_at, NEW.confirmed_at, NEW.closed_at));
END;

CREATE TRIGGER issuance_request_image_update AFTER UPDATE ON issuance_request
BEGIN
  INSERT INTO row_image (table_name, row_key, image)
    VALUES ('issuance_request', json_array(NEW.document_id), json_array(NEW.document_id, NEW.priority, NEW.needed_by, NEW.floor_override_reason, NEW.requested_at, NEW.approved_at, NEW.first_shipped_at, NEW.confirmed_at, NEW.closed_at));
END;

CREATE TRIGGER issuance_request_image_delete AFTER DELETE ON issuance_request
BEGIN
  INSERT INTO row_image (table_name, row_key, image)
    VALUES ('issuance_request', json_array(OLD.document_id), NULL);
END;

INSERT INTO row_image (table_name, row_key, image)
  SELECT 'issuance_request', json_array(issuance_request.document_id), json_array(issuance_request.document_id, issuance_request.priority, issuance_request.needed_by, issuance_request.floor_override_reason, issuance_request.requested_at, issuance_request.approved_at, issuance_request.first_shipped_at, issuance_request.confirmed_at, issuance_request.closed_at) FROM issuance_request;

CREATE TRIGGER issuance_line_image_insert AFTER INSERT ON issuance_line
BEGIN
  INSERT INTO row_image (table_name, row_key, image)
    VALUES ('issuance_line', json_array(NEW.document_id, NEW.item_id), json_array(NEW.document_id, NEW.item_id, NEW.position, NEW.requested, NEW.approved, NEW.shipped, NEW.released, NEW.received, NEW.damaged, NEW.missing));
END;

CREATE TRIGGER issuance_line_image_update AFTER UPDATE ON issuance_line
BEGIN
  INSERT INTO row_image (table_name, row_key, image)
    VALUES ('issuance_line', json_array(NEW.document_id, NEW.item_id), json_array(NEW.document_id, NEW.item_id, NEW.position, NEW.requested, NEW.approved, NEW.shipped, NEW.released, NEW.received, NEW.damaged, NEW.missing));
END;

CREATE TRIGGER issuance_line_image_delete AFTER DELETE ON issuance_line
BEGIN
  INSERT INTO row_image (table_name, row_key, image)
    VALUES ('issuance_line', json_array(OLD.document_id, OLD.item_id), NULL);
END;

INSERT INTO row_image (table_name, row_key, image)
  SELECT 'issuance_line', json_array(issuance_line.document_id, issuance_line.item_id), json_array(issuance_line.document_id, issuance_line.item_id, issuance_line.position, issuance_line.requested, issuance_line.approved, issuance_line.shipped, issuance_line.released, issuance_line.received, issuance_line.damaged, issuance_line.missing) FROM issuance_line;

CREATE TRIGGER reserve_level_image_insert AFTER INSERT ON reserve_level
BEGIN
  INSERT INTO row_image (table_name, row_key, image)
    VALUES ('reserve_level', json_array(NEW.item_id, NEW.account_id), json_array(NEW.item_id, NEW.account_id, NEW.floor, NEW.minimum, NEW.maximum));
END;

CREATE TRIGGER reserve_level_image_update AFTER UPDATE ON reserve_level
BEGIN
  INSERT INTO row_image (table_name, row_key, image)
    VALUES ('reserve_level', json_array(NEW.item_id, NEW.account_id), json_array(NEW.item_id, NEW.account_id, NEW.floor, NEW.minimum, NEW.maximum));
END;

CREATE TRIGGER reserve_level_image_delete AFTER DELETE ON reserve_level
BEGIN
  INSERT INTO row_image (table_name, row_key, image)
    VALUES ('reserve_level', json_array(OLD.item_id, OLD.account_id), NULL);
END;

INSERT INTO row_image (table_name, row_key, image)
  SELECT 'reserve_level', json_array(reserve_level.item_id, reserve_level.account_id), json_array(reserve_level.item_id, reserve_level.account_id, reserve_level.floor, reserve_level.minimum, reserve_level.maximum) FROM reserve_level;

CREATE TRIGGER purchase_request_image_insert AFTER INSERT ON purchase_request
BEGIN
  INSERT INTO row_image (table_name, row_key, image)
    VALUES ('purchase_request', json_array(NEW.document_id), json_array(NEW.document_id, NEW.reason, NEW.needed_by));
END;

CREATE TRIGGER purchase_request_image_update AFTER UPDATE ON purchase_request
BEGIN
  INSERT INTO row_image (table_name, row_key, image)
    VALUES ('purchase_request', json_array(NEW.document_id), json_array(NEW.document_id, NEW.reason, NEW.needed_by));
END;

CREATE TRIGGER purchase_request_image_delete AFTER DELETE ON purchase_request
BEGIN
  INSERT INTO row_image (table_name, row_key, image)
    VALUES ('purchase_request', json_array(OLD.document_id), NULL);
END;

INSERT INTO row_image (table_name, row_key, image)
  SELECT 'purchase_request', json_array(purchase_request.document_id), json_array(purchase_request.document_id, purchase_request.reason, purchase_request.needed_by) FROM purchase_request;

CREATE TRIGGER purchase_request_line_image_insert AFTER INSERT ON purchase_request_line
BEGIN
  INSERT INTO row_image (table_name, row_key, image)
    VALUES ('purchase_request_line', json_array(NEW.document_id, NEW.item_id), json_array(NEW.document_id, NEW.item_id, NEW.position, NEW.quantity));
END;

CREATE TRIGGER purchase_request_line_image_update AFTER UPDATE ON purchase_request_line
BEGIN
  INSERT INTO row_image (table_name, row_key, image)
    VALUES ('purchase_request_line', json_array(NEW.document_id, NEW.item_id), json_array(NEW.document_id, NEW.item_id, NEW.position, NEW.quantity));
END;

CREATE TRIGGER purchase_request_line_image_delete AFTER DELETE ON purchase_request_line
BEGIN
  INSERT INTO row_image (table_name, row_key, image)
    VALUES ('purchase_request_line', json_array(OLD.document_id, OLD.item_id), NULL);
END;

INSERT INTO row_image (table_name, row_key, image)
  SELECT 'purchase_request_line', json_array(purchase_request_line.document_id, purchase_request_line.item_id), json_array(purchase_request_line.document_id, purchase_request_line.item_id, purchase_request_line.position, purchase_request_line.quantity) FROM purchase_request_line;

CREATE TRIGGER purchase_order_image_insert AFTER INSERT ON purchase_order
BEGIN
  INSERT INTO row_image (table_name, row_key, image)
    VALUES ('purchase_order', json_array(NEW.document_id), json_array(NEW.document_id, NEW.request_document_id, NEW.contract, NEW.emergency, NEW.justification));
END;

CREATE TRIGGER purchase_order_image_update AFTER UPDATE ON purchase_order
BEGIN
  INSERT INTO row_image (table_name, row_key, image)
    VALUES ('purchase_order', json_array(NEW.document_id), json_array(NEW.document_id, NEW.request_document_id, NEW.contract, NEW.emergency, NEW.justification));
END;

CREATE TRIGGER purchase_order_image_delete AFTER DELETE ON purchase_order
BEGIN
  INSERT INTO row_image (table_name, row_key, image)
    VALUES ('purchase_order', json_array(OLD.document_id), NULL);
END;

INSERT INTO row_image (table_name, row_key, image)
  SELECT 'purchase_order', json_array(purchase_order.document_id), json_array(purchase_order.document_id, purchase_order.request_document_id, purchase_order.contract, purchase_order.emergency, purchase_order.justification) FROM purchase_order;

CREATE TRIGGER purchase_order_line_image_insert AFTER INSERT ON purchase_order_line
BEGIN
  INSERT INTO row_image (table_name, row_key, image)
    VALUES ('purchase_order_line', json_array(NEW.document_id, NEW.item_id), json_array(NEW.document_id, NEW.item_id, NEW.position, NEW.ordered, NEW.price, NEW.price_per, NEW.price_unit, NEW.received, NEW.rejected));
END;

CREATE TRIGGER purchase_order_line_image_update AFTER UPDATE ON purchase_order_line
BEGIN
  INSERT INTO row_image (table_name, row_key, image)
    VALUES ('purchase_order_line', json_array(NEW.document_id, NEW.item_id), json_array(NEW.document_id, NEW.item_id, NEW.position, NEW.ordered, NEW.price, NEW.price_per, NEW.price_unit, NEW.received, NEW.rejected));
END;

CREATE TRIGGER purchase_order_line_image_delete AFTER DELETE ON purchase_order_line
BEGIN
  INSERT INTO row_image (table_name, row_key, image)
    VALUES ('purchase_order_line', json_array(OLD.document_id, OLD.item_id), NULL);
END;

INSERT INTO row_image (table_name, row_key, image)
  SELECT 'purchase_order_line', json_array(purchase_order_line.document_id, purchase_order_line.item_id), json_array(purchase_order_line.document_id, purchase_order_line.item_id, purchase_order_line.position, purchase_order_line.ordered, purchase_order_line.price, purchase_order_line.price_per, purchase_order_line.price_unit, purchase_order_line.received, purchase_order_line.rejected) FROM purchase_order_line;

CREATE TRIGGER receipt_rejection_image_insert AFTER INSERT ON receipt_rejection
BEGIN
  INSERT INTO row_image (table_name, row_key, image)
    VALUES ('receipt_rejection', json_array(NEW.id), json_array(NEW.id, NEW.document_id, NEW.order_document_id, NEW.item_id, NEW.lot_number, NEW.quantity, NEW.reason));
END;

CREATE TRIGGER receipt_rejection_image_update AFTER UPDATE ON receipt_rejection
BEGIN
  INSERT INTO row_image (table_name, row_key, image)
    VALUES ('receipt_rejection', json_array(NEW.id), json_array(NEW.id, NEW.document_id, NEW.order_document_id, NEW.item_id, NEW.lot_number, NEW.quantity, NEW.reason));
END;

CREATE TRIGGER receipt_rejection_image_delete AFTER DELETE ON receipt_rejection
BEGIN
  INSERT INTO row_image (table_name, row_key, image)
    VALUES ('receipt_rejection', json_array(OLD.id), NULL);
END;

INSERT INTO row_image (table_name, row_key, image)
  SELECT 'receipt_rejection', json_array(receipt_rejection.id), json_array(receipt_rejection.id, receipt_rejection.document_id, receipt_rejection.order_document_id, receipt_rejection.item_id, receipt_rejection.lot_number, receipt_rejection.quantity, receipt_rejection.reason) FROM receipt_rejection;

CREATE TRIGGER invoice_image_insert AFTER INSERT ON invoice
BEGIN
  INSERT INTO row_image (table_name, row_key, image)
    VALUES ('invoice', json_array(NEW.id), json_array(NEW.id, NEW.order_document_id, NEW.supplier_account_id, NEW.number, NEW.amount, NEW.invoice_date, NEW.recorded_by, NEW.recorded_at));
END;

CREATE TRIGGER invoice_image_update AFTER UPDATE ON invoice
BEGIN
  INSERT INTO row_image (table_name, row_key, image)
    VALUES ('invoice', json_array(NEW.id), json_array(NEW.id, NEW.order_document_id, NEW.supplier_account_id, NEW.number, NEW.amount, NEW.invoice_date, NEW.recorded_by, NEW.recorded_at));
END;

CREATE TRIGGER invoice_image_delete AFTER DELETE ON invoice
BEGIN
  INSERT INTO row_image (table_name, row_key, image)
    VALUES ('invoice', json_array(OLD.id), NULL);
END;

INSERT INTO row_image (table_name, row_key, image)
  SELECT 'invoice', json_array(invoice.id), json_array(invoice.id, invoice.order_document_id, invoice.supplier_account_id, invoice.number, invoice.amount, invoice.invoice_date, invoice.recorded_by, invoice.recorded_at) FROM invoice;

CREATE TRIGGER payment_image_insert AFTER INSERT ON payment
BEGIN
  INSERT INTO row_image (table_name, row_key, image)
    VALUES ('payment', json_array(NEW.id), json_array(NEW.id, NEW.order_document_id, NEW.amount, NEW.reference, NEW.prepayment, NEW.paid_on, NEW.recorded_by, NEW.recorded_at));
END;

CREATE TRIGGER payment_image_update AFTER UPDATE ON payment
BEGIN
  INSERT INTO row_image (table_name, row_key, image)
    VALUES ('payment', json_array(NEW.id), json_array(NEW.id, NEW.order_document_id, NEW.amount, NEW.reference, NEW.prepayment, NEW.paid_on, NEW.recorded_by, NEW.recorded_at));
END;

CREATE TRIGGER payment_image_delete AFTER DELETE ON payment
BEGIN
  INSERT INTO row_image (table_name, row_key, image)
    VALUES ('payment', json_array(OLD.id), NULL);
END;

INSERT INTO row_image (table_name, row_key, image)
  SELECT 'payment', json_array(payment.id), json_array(payment.id, payment.order_document_id, payment.amount, payment.reference, payment.prepayment, payment.paid_on, payment.recorded_by, payment.recorded_at) FROM payment;

CREATE TRIGGER adjustment_image_insert AFTER INSERT ON adjustment
BEGIN
  INSERT INTO row_image (table_name, row_key, image)
    VALUES ('adjustment', json_array(NEW.document_id), json_array(NEW.document_id, NEW.kind, NEW.reason, NEW.account_id, NEW.origin_document_id));
END;

CREATE TRIGGER adjustment_image_update AFTER UPDATE ON adjustment
BEGIN
  INSERT INTO row_image (table_name, row_key, image)
    VALUES ('adjustment', json_array(NEW.document_id), json_array(NEW.document_id, NEW.kind, NEW.reason, NEW.account_id, NEW.origin_document_id));
END;

CREATE TRIGGER adjustment_image_delete AFTER DELETE ON adjustment
BEGIN
  INSERT INTO row_image (table_name, row_key, image)
    VALUES ('adjustment', json_array(OLD.document_id), NULL);
END;

INSERT INTO row_image (table_name, row_key, image)
  SELECT 'adjustment', json_array(adjustment.document_id), json_array(adjustment.document_id, adjustment.kind, adjustment.reason, adjustment.account_id, adjustment.origin_document_id) FROM adjustment;

CREATE TRIGGER adjustment_line_image_insert AFTER INSERT ON adjustment_line
BEGIN
  INSERT INTO row_image (table_name, row_key, image)
    VALUES ('adjustment_line', json_array(NEW.document_id, NEW.position), json_array(NEW.document_id, NEW.position, NEW.item_id, NEW.lot_id, NEW.quantity));
END;

CREATE TRIGGER adjustment_line_image_update AFTER UPDATE ON adjustment_line
BEGIN
  INSERT INTO row_image (table_name, row_key, image)
    VALUES ('adjustment_line', json_array(NEW.document_id, NEW.position), json_array(NEW.document_id, NEW.position, NEW.item_id, NEW.lot_id, NEW.quantity));
END;

CREATE TRIGGER adjustment_line_image_delete AFTER DELETE ON adjustment_line
BEGIN
  INSERT INTO row_image (table_name, row_key, image)
    VALUES ('adjustment_line', json_array(OLD.document_id, OLD.position), NULL);
END;

INSERT INTO row_image (table_name, row_key, image)
  SELECT 'adjustment_line', json_array(adjustment_line.document_id, adjustment_line.position), json_array(adjustment_line.document_id, adjustment_line.position, adjustment_line.item_id, adjustment_line.lot_id, adjustment_line.quantity) FROM adjustment_line;

CREATE TRIGGER waste_batch_image_insert AFTER INSERT ON waste_batch
BEGIN
  INSERT INTO row_image (table_name, row_key, image)
    VALUES ('waste_batch', json_array(NEW.document_id), json_array(NEW.document_id, NEW.category, NEW.source_account_id, NEW.adjustment_document_id));
END;

CREATE TRIGGER waste_batch_image_update AFTER UPDATE ON waste_batch
BEGIN
  INSERT INTO row_image (table_name, row_key, image)
    VALUES ('waste_batch', json_array(NEW.document_id), json_array(NEW.document_id, NEW.category, NEW.source_account_id, NEW.adjustment_document_id));
END;

CREATE TRIGGER waste_batch_image_delete AFTER DELETE ON waste_batch
BEGIN
  INSERT INTO row_image (table_name, row_key, image)
    VALUES ('waste_batch', json_array(OLD.document_id), NULL);
END;

INSERT INTO row_image (table_name, row_key, image)
  SELECT 'waste_batch', json_array(waste_batch.document_id), json_array(waste_batch.document_id, waste_batch.category, waste_batch.source_account_id, waste_batch.adjustment_document_id) FROM waste_batch;

CREATE TRIGGER waste_collection_image_insert AFTER INSERT ON waste_collection
BEGIN
  INSERT INTO row_image (table_name, row_key, image)
    VALUES ('waste_collection', json_array(NEW.batch_document_id), json_array(NEW.batch_document_id, NEW.containers, NEW.weight_grams, NEW.collector, NEW.recorded_by, NEW.collected_at));
END;

CREATE TRIGGER waste_collection_image_update AFTER UPDATE ON waste_collection
BEGIN
  INSERT INTO row_image (table_name, row_key, image)
    VALUES ('waste_collection', json_array(NEW.batch_document_id), json_array(NEW.batch_document_id, NEW.containers, NEW.weight_grams, NEW.collector, NEW.recorded_by, NEW.collected_at));
END;

CREATE TRIGGER waste_collection_image_delete AFTER DELETE ON waste_collection
BEGIN
  INSERT INTO row_image (table_name, row_key, image)
    VALUES ('waste_collection', json_array(OLD.batch_document_id), NULL);
END;

INSERT INTO row_image (table_name, row_key, image)
  SELECT 'waste_collection', json_array(waste_collection.batch_document_id), json_array(waste_collection.batch_document_id, waste_collection.containers, waste_collection.weight_grams, waste_collection.collector, waste_collection.recorded_by, waste_collection.collected_at) FROM waste_collection;

CREATE TRIGGER waste_storage_image_insert AFTER INSERT ON waste_storage
BEGIN
  INSERT INTO row_image (table_name, row_key, image)
    VALUES ('waste_storage', json_array(NEW.batch_document_id), json_array(NEW.batch_document_id, NEW.account_id, NEW.stored_by, NEW.stored_at));
END;

CREATE TRIGGER waste_storage_image_update AFTER UPDATE ON waste_storage
BEGIN
  INSERT INTO row_image (table_name, row_key, image)
    VALUES ('waste_storage', json_array(NEW.batch_document_id), json_array(NEW.batch_document_id, NEW.account_id, NEW.stored_by, NEW.stored_at));
END;

CREATE TRIGGER waste_storage_image_delete AFTER DELETE ON waste_storage
BEGIN
  INSERT INTO row_image (table_name, row_key, image)
    VALUES ('waste_storage', json_array(OLD.batch_document_id), NULL);
END;

INSERT INTO row_image (table_name, row_key, image)
  SELECT 'waste_storage', json_array(waste_storage.batch_document_id), json_array(waste_storage.batch_document_id, waste_storage.account_id, waste_storage.stored_by, waste_storage.stored_at) FROM waste_storage;

CREATE TRIGGER waste_manifest_image_insert AFTER INSERT ON waste_manifest
BEGIN
  INSERT INTO row_image (table_name, row_key, image)
    VALUES ('waste_manifest', json_array(NEW.document_id), json_array(NEW.document_id, NEW.manifest_number, NEW.contractor_account_id, NEW.licence, NEW.licence_expires, NEW.expected_grams, NEW.expected_containers, NEW.weight_grams, NEW.containers, NEW.driver, NEW.vehicle, NEW.discrepancy, NEW.handed_over_by, NEW.handed_over_at));
END;

CREATE TRIGGER waste_manifest_image_update AFTER UPDATE ON waste_manifest
BEGIN
  INSERT INTO row_image (table_name, row_key, image)
    VALUES ('waste_manifest', json_array(NEW.document_id), json_array(NEW.document_id, NEW.manifest_number, NEW.contractor_account_id, NEW.licence, NEW.licence_expires, NEW.expected_grams, NEW.expected_containers, NEW.weight_grams, NEW.containers, NEW.driver, NEW.vehicle, NEW.discrepancy, NEW.handed_over_by, NEW.handed_over_at));
END;

CREATE TRIGGER waste_manifest_image_delete AFTER DELETE ON waste_manifest
BEGIN
  INSERT INTO row_image (table_name, row_key, image)
    VALUES ('waste_manifest', json_array(OLD.document_id), NULL);
END;

INSERT INTO row_image (table_name, row_key, image)
  SELECT 'waste_manifest', json_array(waste_manifest.document_id), json_array(waste_manifest.document_id, waste_manifest.manifest_number, waste_manifest.contractor_account_id, waste_manifest.licence, waste_manifest.licence_expires, waste_manifest.expected_grams, waste_manifest.expected_containers, waste_manifest.weight_grams, waste_manifest.containers, waste_manifest.driver, waste_manifest.vehicle, waste_manifest.discrepancy, waste_manifest.handed_over_by, waste_manifest.handed_over_at) FROM waste_manifest;

CREATE TRIGGER waste_manifest_batch_image_insert AFTER INSERT ON waste_manifest_batch
BEGIN
  INSERT INTO row_image (table_name, row_key, image)
    VALUES ('waste_manifest_batch', json_array(NEW.batch_document_id), json_array(NEW.batch_document_id, NEW.manifest_document_id));
END;

CREATE TRIGGER waste_manifest_batch_image_update AFTER UPDATE ON waste_manifest_batch
BEGIN
  INSERT INTO row_image (table_name, row_key, image)
    VALUES ('waste_manifest_batch', json_array(NEW.batch_document_id), json_array(NEW.batch_document_id, NEW.manifest_document_id));
END;

CREATE TRIGGER waste_manifest_batch_image_delete AFTER DELETE ON waste_manifest_batch
BEGIN
  INSERT INTO row_image (table_name, row_key, image)
    VALUES ('waste_manifest_batch', json_array(OLD.batch_document_id), NULL);
END;

INSERT INTO row_image (table_name, row_key, image)
  SELECT 'waste_manifest_batch', json_array(waste_manifest_batch.batch_document_id), json_array(waste_manifest_batch.batch_document_id, waste_manifest_batch.manifest_document_id) FROM waste_manifest_batch;

CREATE TRIGGER waste_resolution_image_insert AFTER INSERT ON waste_resolution
BEGIN
  INSERT INTO row_image (table_name, row_key, image)
    VALUES ('waste_resolution', json_array(NEW.manifest_document_id), json_array(NEW.manifest_document_id, NEW.reason, NEW.resolved_by, NEW.resolved_at));
END;

CREATE TRIGGER waste_resolution_image_update AFTER UPDATE ON waste_resolution
BEGIN
  INSERT INTO row_image (table_name, row_key, image)
    VALUES ('waste_resolution', json_array(NEW.manifest_document_id), json_array(NEW.manifest_document_id, NEW.reason, NEW.resolved_by, NEW.resolved_at));
END;

CREATE TRIGGER waste_resolution_image_delete AFTER DELETE ON waste_resolution
BEGIN
  INSERT INTO row_image (table_name, row_key, image)
    VALUES ('waste_resolution', json_array(OLD.manifest_document_id), NULL);
END;

INSERT INTO row_image (table_name, row_key, image)
  SELECT 'waste_resolution', json_array(waste_resolution.manifest_document_id), json_array(waste_resolution.manifest_document_id, waste_resolution.reason, waste_resolution.resolved_by, waste_resolution.resolved_at) FROM waste_resolution;

CREATE TRIGGER waste_disposal_image_insert AFTER INSERT ON waste_disposal
BEGIN
  INSERT INTO row_image (table_name, row_key, image)
    VALUES ('waste_disposal', json_array(NEW.manifest_document_id), json_array(NEW.manifest_document_id, NEW.certificate, NEW.method, NEW.destination, NEW.recorded_by, NEW.recorded_at));
END;

CREATE TRIGGER waste_disposal_image_update AFTER UPDATE ON waste_disposal
BEGIN
  INSERT INTO row_image (table_name, row_key, image)
    VALUES ('waste_disposal', json_array(NEW.manifest_document_id), json_array(NEW.manifest_document_id, NEW.certificate, NEW.method, NEW.destination, NEW.recorded_by, NEW.recorded_at));
END;

CREATE TRIGGER waste_disposal_image_delete AFTER DELETE ON waste_disposal
BEGIN
  INSERT INTO row_image (table_name, row_key, image)
    VALUES ('waste_disposal', json_array(OLD.manifest_document_id), NULL);
END;

INSERT INTO row_image (table_name, row_key, image)
  SELECT 'waste_disposal', json_array(waste_disposal.manifest_document_id), json_array(waste_disposal.manifest_document_id, waste_disposal.certificate, waste_disposal.method, waste_disposal.destination, waste_disposal.recorded_by, waste_disposal.recorded_at) FROM waste_disposal;

CREATE TRIGGER lot_recall_image_insert AFTER INSERT ON lot_recall
BEGIN
  INSERT INTO row_image (table_name, row_key, image)
    VALUES ('lot_recall', json_array(NEW.lot_id), json_array(NEW.lot_id, NEW.reason, NEW.recalled_by, NEW.recalled_at));
END;

CREATE TRIGGER lot_recall_image_update AFTER UPDATE ON lot_recall
BEGIN
  INSERT INTO row_image (table_name, row_key, image)
    VALUES ('lot_recall', json_array(NEW.lot_id), json_array(NEW.lot_id, NEW.reason, NEW.recalled_by, NEW.recalled_at));
END;

CREATE TRIGGER lot_recall_image_delete AFTER DELETE ON lot_recall
BEGIN
  INSERT INTO row_image (table_name, row_key, image)
    VALUES ('lot_recall', json_array(OLD.lot_id), NULL);
END;

INSERT INTO row_image (table_name, row_key, image)
  SELECT 'lot_recall', json_array(lot_recall.lot_id), json_array(lot_recall.lot_id, lot_recall.reason, lot_recall.recalled_by, lot_recall.recalled_at) FROM lot_recall;

CREATE TRIGGER disinfection_image_insert AFTER INSERT ON disinfection
BEGIN
  INSERT INTO row_image (table_name, row_key, image)
    VALUES ('disinfection', json_array(NEW.id), json_array(NEW.id, NEW.lot_id, NEW.account_id, NEW.return_document_id, NEW.started_at, NEW.method, NEW.done_by, NEW.done_at));
END;

CREATE TRIGGER disinfection_image_update AFTER UPDATE ON disinfection
BEGIN
  INSERT INTO row_image (table_name, row_key, image)
    VALUES ('disinfection', json_array(NEW.id), json_array(NEW.id, NEW.lot_id, NEW.account_id, NEW.return_document_id, NEW.started_at, NEW.method, NEW.done_by, NEW.done_at));
END;

CREATE TRIGGER disinfection_image_delete AFTER DELETE ON disinfection
BEGIN
  INSERT INTO row_image (table_name, row_key, image)
    VALUES ('disinfection', json_array(OLD.id), NULL);
END;

INSERT INTO row_image (table_name, row_key, image)
  SELECT 'disinfection', json_array(disinfection.id), json_array(disinfection.id, disinfection.lot_id, disinfection.account_id, disinfection.return_document_id, disinfection.started_at, disinfection.method, disinfection.done_by, disinfection.done_at) FROM disinfection;

CREATE TRIGGER stock_count_image_insert AFTER INSERT ON stock_count
BEGIN
  INSERT INTO row_image (table_name, row_key, image)
    VALUES ('stock_count', json_array(NEW.document_id), json_array(NEW.document_id, NEW.account_id, NEW.reserved));
END;

CREATE TRIGGER stock_count_image_update AFTER UPDATE ON stock_count
BEGIN
  INSERT INTO row_image (table_name, row_key, image)
    VALUES ('stock_count', json_array(NEW.document_id), json_array(NEW.document_id, NEW.account_id, NEW.reserved));
END;

CREATE TRIGGER stock_count_image_delete AFTER DELETE ON stock_count
BEGIN
  INSERT INTO row_image (table_name, row_key, image)
    VALUES ('stock_count', json_array(OLD.document_id), NULL);
END;

INSERT INTO row_image (table_name, row_key, image)
  SELECT 'stock_count', json_array(stock_count.document_id), json_array(stock_count.document_id, stock_count.account_id, stock_count.reserved) FROM stock_count;

CREATE TRIGGER stock_count_line_image_insert AFTER INSERT ON stock_count_line
BEGIN
  INSERT INTO row_image (table_name, row_key, image)
    VALUES ('stock_count_line', json_array(NEW.document_id, NEW.position), json_array(NEW.document_id, NEW.position, NEW.item_id, NEW.lot_id, NEW.book, NEW.counted));
END;

CREATE TRIGGER stock_count_line_image_update AFTER UPDATE ON stock_count_line
BEGIN
  INSERT INTO row_image (table_name, row_key, image)
    VALUES ('stock_count_line', json_array(NEW.document_id, NEW.position), json_array(NEW.document_id, NEW.position, NEW.item_id, NEW.lot_id, NEW.book, NEW.counted));
END;

CREATE TRIGGER stock_count_line_image_delete AFTER DELETE ON stock_count_line
BEGIN
  INSERT INTO row_image (table_name, row_key, image)
    VALUES ('stock_count_line', json_array(OLD.document_id, OLD.position), NULL);
END;

INSERT INTO row_image (table_name, row_key, image)
  SELECT 'stock_count_line', json_array(stock_count_line.document_id, stock_count_line.position), json_array(stock_count_line.document_id, stock_count_line.position, stock_count_line.item_id, stock_count_line.lot_id, stock_count_line.book, stock_count_line.counted) FROM stock_count_line;

INSERT INTO ledger_format (id, legacy_movements, legacy_events, legacy_images)
  SELECT 1, (SELECT ifnull(max(id), 0) FROM movement),
    (SELECT ifnull(max(id), 0) FROM document_event), (SELECT ifnull(max(id), 0) FROM row_image);
