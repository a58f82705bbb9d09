-- Depot schema, version 9: decisions per line and decisions entered late (SPEC §10).
-- Each line of an issuance or purchase request keeps what was approved and what was declined,
-- with the reason and the effective day of the decline; the rest awaits a decision. A request
-- records which of its steps were entered after the day they took effect.

-- The new columns are part of each row's signed image: the image triggers of the three tables
-- are replaced (after the backfill below, which therefore writes no image of its own).
DROP TRIGGER issuance_request_image_insert;
DROP TRIGGER issuance_request_image_update;
DROP TRIGGER issuance_line_image_insert;
DROP TRIGGER issuance_line_image_update;
DROP TRIGGER purchase_request_line_image_insert;
DROP TRIGGER purchase_request_line_image_update;

ALTER TABLE issuance_line ADD COLUMN declined INTEGER NOT NULL DEFAULT 0 CHECK (declined >= 0);
ALTER TABLE issuance_line ADD COLUMN decline_reason TEXT
  CHECK (decline_reason IS NULL OR length(decline_reason) BETWEEN 1 AND 2000);
ALTER TABLE issuance_line ADD COLUMN declined_on TEXT
  CHECK (declined_on IS NULL OR declined_on GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]');

CREATE TRIGGER issuance_line_decided_within_requested
BEFORE UPDATE OF approved, declined ON issuance_line
WHEN NEW.approved + NEW.declined > NEW.requested
BEGIN
  SELECT RAISE(ABORT, 'depot: an issuance line approves and declines more than was requested');
END;

ALTER TABLE purchase_request_line ADD COLUMN approved INTEGER NOT NULL DEFAULT 0
  CHECK (approved >= 0);
ALTER TABLE purchase_request_line ADD COLUMN declined INTEGER NOT NULL DEFAULT 0
  CHECK (declined >= 0);
ALTER TABLE purchase_request_line ADD COLUMN decline_reason TEXT
  CHECK (decline_reason IS NULL OR length(decline_reason) BETWEEN 1 AND 2000);
ALTER TABLE purchase_request_line ADD COLUMN declined_on TEXT
  CHECK (declined_on IS NULL OR declined_on GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]');

CREATE TRIGGER purchase_request_line_decided_within_requested
BEFORE UPDATE OF approved, declined ON purchase_request_line
WHEN NEW.approved + NEW.declined > NEW.quantity
BEGIN
  SELECT RAISE(ABORT, 'depot: a purchase request line approves and declines more than was requested');
END;

-- Requests decided before this version were approved or rejected whole: an approved or ordered
-- purchase request approved every line; what an issuance approval left out was not approved.
UPDATE purchase_request_line SET approved = quantity
WHERE document_id IN (SELECT id FROM document WHERE state IN ('approved', 'ordered'));
UPDATE purchase_request_line
SET declined = quantity, decline_reason = 'rejected before decisions were kept per line'
WHERE document_id IN (SELECT id FROM document WHERE state = 'rejected');
UPDATE issuance_line
SET declined = requested - approved,
  decline_reason = 'not approved, before decisions were kept per line'
WHERE approved < requested
  AND document_id IN (
    SELECT id FROM document WHERE state NOT IN ('requested', 'cancelled'));

ALTER TABLE issuance_request ADD COLUMN approval_entered_late INTEGER NOT NULL DEFAULT 0
  CHECK (approval_entered_late IN (0, 1));
ALTER TABLE issuance_request ADD COLUMN shipment_entered_late INTEGER NOT NULL DEFAULT 0
  CHECK (shipment_entered_late IN (0, 1));
ALTER TABLE issuance_request ADD COLUMN confirmation_entered_late INTEGER NOT NULL DEFAULT 0
  CHECK (confirmation_entered_late IN (0, 1));

-- The lines declined on a day, for the daily report.
CREATE INDEX issuance_line_declined_on ON issuance_line (declined_on)
  WHERE declined_on IS NOT NULL;

CREATE TRIGGER issuance_request_image_insert AFTER INSERT ON issuance_request
BEGIN
  INSERT INTO row_image (table_name, row_key, image)
    VALUES ('issuance_request', json_array(NEW.document_id), json_array(NEW.document_id, NEW.priority, NEW.needed_by, NEW.floor_override_reason, NEW.requested_at, NEW.approved_at, NEW.first_shipped_at, NEW.confirmed_at, NEW.closed_at, NEW.approval_entered_late, NEW.shipment_entered_late, NEW.confirmation_entered_late));
END;

CREATE TRIGGER issuance_request_image_update AFTER UPDATE ON issuance_request
BEGIN
  INSERT INTO row_image (table_name, row_key, image)
    VALUES ('issuance_request', json_array(NEW.document_id), json_array(NEW.document_id, NEW.priority, NEW.needed_by, NEW.floor_override_reason, NEW.requested_at, NEW.approved_at, NEW.first_shipped_at, NEW.confirmed_at, NEW.closed_at, NEW.approval_entered_late, NEW.shipment_entered_late, NEW.confirmation_entered_late));
END;

CREATE TRIGGER issuance_line_image_insert AFTER INSERT ON issuance_line
BEGIN
  INSERT INTO row_image (table_name, row_key, image)
    VALUES ('issuance_line', json_array(NEW.document_id, NEW.item_id), json_array(NEW.document_id, NEW.item_id, NEW.position, NEW.requested, NEW.approved, NEW.shipped, NEW.released, NEW.received, NEW.damaged, NEW.missing, NEW.declined, NEW.decline_reason, NEW.declined_on));
END;

CREATE TRIGGER issuance_line_image_update AFTER UPDATE ON issuance_line
BEGIN
  INSERT INTO row_image (table_name, row_key, image)
    VALUES ('issuance_line', json_array(NEW.document_id, NEW.item_id), json_array(NEW.document_id, NEW.item_id, NEW.position, NEW.requested, NEW.approved, NEW.shipped, NEW.released, NEW.received, NEW.damaged, NEW.missing, NEW.declined, NEW.decline_reason, NEW.declined_on));
END;

CREATE TRIGGER purchase_request_line_image_insert AFTER INSERT ON purchase_request_line
BEGIN
  INSERT INTO row_image (table_name, row_key, image)
    VALUES ('purchase_request_line', json_array(NEW.document_id, NEW.item_id), json_array(NEW.document_id, NEW.item_id, NEW.position, NEW.quantity, NEW.approved, NEW.declined, NEW.decline_reason, NEW.declined_on));
END;

CREATE TRIGGER purchase_request_line_image_update AFTER UPDATE ON purchase_request_line
BEGIN
  INSERT INTO row_image (table_name, row_key, image)
    VALUES ('purchase_request_line', json_array(NEW.document_id, NEW.item_id), json_array(NEW.document_id, NEW.item_id, NEW.position, NEW.quantity, NEW.approved, NEW.declined, NEW.decline_reason, NEW.declined_on));
END;
