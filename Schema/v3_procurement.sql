-- Depot schema, version 3: purchase requests and orders with their lines, what inspection
-- refused at receipt, and suppliers' invoices and the office's payments.

-- The procurement part of a PR document: why the goods are needed and by when.
CREATE TABLE purchase_request (
  document_id INTEGER PRIMARY KEY REFERENCES document(id),
  reason TEXT NOT NULL CHECK (length(reason) BETWEEN 1 AND 2000),
  needed_by TEXT
    CHECK (needed_by IS NULL OR needed_by GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]')
) STRICT;

CREATE TABLE purchase_request_line (
  document_id INTEGER NOT NULL REFERENCES purchase_request(document_id),
  item_id INTEGER NOT NULL REFERENCES item(id),
  position INTEGER NOT NULL CHECK (position > 0),
  quantity INTEGER NOT NULL CHECK (quantity > 0),
  PRIMARY KEY (document_id, item_id)
) STRICT, WITHOUT ROWID;

-- The procurement part of a PO document, placed from one approved request with the supplier
-- named by the document's source account. A green-channel order carries its justification.
CREATE TABLE purchase_order (
  document_id INTEGER PRIMARY KEY REFERENCES document(id),
  request_document_id INTEGER NOT NULL UNIQUE REFERENCES purchase_request(document_id),
  contract TEXT CHECK (contract IS NULL OR length(contract) BETWEEN 1 AND 64),
  emergency INTEGER NOT NULL CHECK (emergency IN (0, 1)),
  justification TEXT CHECK (justification IS NULL OR length(justification) BETWEEN 1 AND 2000),
  CHECK (emergency = 0 OR justification IS NOT NULL)
) STRICT;

-- One item of an order. Its price, tax included, is `price` fen per `price_per` base units
-- (one base unit, or one pack named by `price_unit`). `received` is the accepted quantity,
-- always equal to the receipt movements of the order's lots; `rejected` what inspection refused.
CREATE TABLE purchase_order_line (
  document_id INTEGER NOT NULL REFERENCES purchase_order(document_id),
  item_id INTEGER NOT NULL REFERENCES item(id),
  position INTEGER NOT NULL CHECK (position > 0),
  ordered INTEGER NOT NULL CHECK (ordered > 0),
  price INTEGER NOT NULL CHECK (price >= 0),
  price_per INTEGER NOT NULL CHECK (price_per > 0),
  price_unit TEXT CHECK (price_unit IS NULL OR length(price_unit) BETWEEN 1 AND 16),
  received INTEGER NOT NULL DEFAULT 0 CHECK (received BETWEEN 0 AND ordered),
  rejected INTEGER NOT NULL DEFAULT 0 CHECK (rejected >= 0),
  PRIMARY KEY (document_id, item_id)
) STRICT, WITHOUT ROWID;

-- Goods delivered with a receipt or donation but refused at inspection: they never enter
-- stock, and the supplier still owes what was ordered.
CREATE TABLE receipt_rejection (
  id INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL REFERENCES document(id),
  order_document_id INTEGER REFERENCES purchase_order(document_id),
  item_id INTEGER NOT NULL REFERENCES item(id),
  lot_number TEXT CHECK (lot_number IS NULL OR length(lot_number) BETWEEN 1 AND 64),
  quantity INTEGER NOT NULL CHECK (quantity > 0),
  reason TEXT NOT NULL CHECK (length(reason) BETWEEN 1 AND 2000)
) STRICT;

CREATE INDEX receipt_rejection_document ON receipt_rejection (document_id);
CREATE INDEX receipt_rejection_order ON receipt_rejection (order_document_id);

-- A supplier's invoice against an order (amount tax included, in fen). Invoice numbers are
-- the supplier's own, unique per supplier.
CREATE TABLE invoice (
  id INTEGER PRIMARY KEY,
  order_document_id INTEGER NOT NULL REFERENCES purchase_order(document_id),
  supplier_account_id INTEGER NOT NULL REFERENCES account(id),
  number TEXT NOT NULL CHECK (length(number) BETWEEN 1 AND 64),
  amount INTEGER NOT NULL CHECK (amount > 0),
  invoice_date TEXT NOT NULL
    CHECK (invoice_date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
  recorded_by INTEGER NOT NULL REFERENCES users(id),
  recorded_at TEXT NOT NULL,
  UNIQUE (supplier_account_id, number)
) STRICT;

CREATE INDEX invoice_order ON invoice (order_document_id);

-- A payment to the supplier of an order, in fen; a prepayment is paid ahead of what was
-- invoiced or received, on a green-channel order only.
CREATE TABLE payment (
  id INTEGER PRIMARY KEY,
  order_document_id INTEGER NOT NULL REFERENCES purchase_order(document_id),
  amount INTEGER NOT NULL CHECK (amount > 0),
  reference TEXT NOT NULL CHECK (length(reference) BETWEEN 1 AND 200),
  prepayment INTEGER NOT NULL CHECK (prepayment IN (0, 1)),
  paid_on TEXT NOT NULL CHECK (paid_on GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
  recorded_by INTEGER NOT NULL REFERENCES users(id),
  recorded_at TEXT NOT NULL
) STRICT;

CREATE INDEX payment_order ON payment (order_document_id);

-- Money records are corrected by new records, never edited.
CREATE TRIGGER invoice_is_append_only_update BEFORE UPDATE ON invoice
BEGIN
  SELECT RAISE(ABORT, 'depot: invoices are append-only');
END;

CREATE TRIGGER invoice_is_append_only_delete BEFORE DELETE ON invoice
BEGIN
  SELECT RAISE(ABORT, 'depot: invoices are append-only');
END;

CREATE TRIGGER payment_is_append_only_update BEFORE UPDATE ON payment
BEGIN
  SELECT RAISE(ABORT, 'depot: payments are append-only');
END;

CREATE TRIGGER payment_is_append_only_delete BEFORE DELETE ON payment
BEGIN
  SELECT RAISE(ABORT, 'depot: payments are append-only');
END;

-- The lots each order brought in, for payables and verification.
CREATE INDEX lot_order ON lot (order_document_id) WHERE order_document_id IS NOT NULL;
