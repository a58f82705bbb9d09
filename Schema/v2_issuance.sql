-- Depot schema, version 2: issuance requests with their lines and step times, reservations
-- (approved but not yet shipped), and reserve levels per item and warehouse.

CREATE TABLE issuance_request (
  document_id INTEGER PRIMARY KEY REFERENCES document(id),
  priority TEXT NOT NULL CHECK (priority IN ('urgent', 'high', 'normal')),
  needed_by TEXT,
  floor_override_reason TEXT,
  requested_at TEXT NOT NULL,
  approved_at TEXT,
  first_shipped_at TEXT,
  confirmed_at TEXT,
  closed_at TEXT
) STRICT;

-- One item of a request. What is reserved is approved - shipped - released; what is in
-- transit is shipped - received - damaged - missing.
CREATE TABLE issuance_line (
  document_id INTEGER NOT NULL REFERENCES issuance_request(document_id),
  item_id INTEGER NOT NULL REFERENCES item(id),
  position INTEGER NOT NULL CHECK (position > 0),
  requested INTEGER NOT NULL CHECK (requested > 0),
  approved INTEGER NOT NULL DEFAULT 0 CHECK (approved BETWEEN 0 AND requested),
  shipped INTEGER NOT NULL DEFAULT 0 CHECK (shipped >= 0),
  released INTEGER NOT NULL DEFAULT 0 CHECK (released >= 0),
  received INTEGER NOT NULL DEFAULT 0 CHECK (received >= 0),
  damaged INTEGER NOT NULL DEFAULT 0 CHECK (damaged >= 0),
  missing INTEGER NOT NULL DEFAULT 0 CHECK (missing >= 0),
  PRIMARY KEY (document_id, item_id),
  CHECK (shipped + released <= approved),
  CHECK (received + damaged + missing <= shipped)
) STRICT, WITHOUT ROWID;

CREATE TABLE reserve_level (
  item_id INTEGER NOT NULL REFERENCES item(id),
  account_id INTEGER NOT NULL REFERENCES account(id),
  floor INTEGER CHECK (floor >= 0),
  minimum INTEGER CHECK (minimum >= 0),
  maximum INTEGER CHECK (maximum >= 0),
  PRIMARY KEY (item_id, account_id),
  CHECK (minimum IS NULL OR maximum IS NULL OR minimum <= maximum)
) STRICT, WITHOUT ROWID;

-- Open requests by state and warehouse: what is reserved is summed over these on every
-- approval, shipment and transfer, so it must not grow with the history of closed ones.
CREATE INDEX document_state ON document (state, source_account_id);
