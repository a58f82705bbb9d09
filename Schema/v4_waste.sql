-- Depot schema, version 4: adjustments (write-offs), lot recalls, the disinfection of
-- returned equipment, and the medical-waste register: batches, their collection, storage,
-- hand-over to a licensed contractor under a manifest, discrepancies and disposal.
--
-- The register and the adjustments are kept for years (the legal minimum is 3): their rows
-- are insert-only, and the database itself refuses to change or delete them. A step of a
-- batch is a new row, never an edit of an old one.

-- An ADJ document: stock at one place that leaves usable stock for a reason. A write-off
-- (expired, damaged, recalled) goes to waste once approved; count variances (issue 7) use
-- the same document with kind 'count'.
CREATE TABLE adjustment (
  document_id INTEGER PRIMARY KEY REFERENCES document(id),
  kind TEXT NOT NULL CHECK (kind IN ('writeoff', 'count')),
  reason TEXT NOT NULL
    CHECK (reason IN ('expired', 'damaged', 'recalled', 'lost', 'found', 'data-error')),
  account_id INTEGER NOT NULL REFERENCES account(id),
  -- The issuance or return that found the goods damaged, if it was not a clerk's write-off.
  origin_document_id INTEGER REFERENCES document(id),
  CHECK (kind <> 'writeoff' OR reason IN ('expired', 'damaged', 'recalled'))
) STRICT;

CREATE INDEX adjustment_origin ON adjustment (origin_document_id);

-- One lot of an adjustment. While a write-off awaits approval, and after approval until its
-- waste batch is stored, its lines hold the stock at the place: on hand but not available.
CREATE TABLE adjustment_line (
  document_id INTEGER NOT NULL REFERENCES adjustment(document_id),
  position INTEGER NOT NULL CHECK (position > 0),
  item_id INTEGER NOT NULL REFERENCES item(id),
  lot_id INTEGER NOT NULL REFERENCES lot(id),
  quantity INTEGER NOT NULL CHECK (quantity > 0),
  PRIMARY KEY (document_id, position)
) STRICT, WITHOUT ROWID;

-- A WST document: one batch of medical waste, from where it arose. A batch opened by an
-- approved write-off carries that write-off's stock.
CREATE TABLE waste_batch (
  document_id INTEGER PRIMARY KEY REFERENCES document(id),
  category TEXT NOT NULL
    CHECK (category IN ('infectious', 'sharps', 'pathological', 'pharmaceutical', 'chemical')),
  source_account_id INTEGER NOT NULL REFERENCES account(id),
  adjustment_document_id INTEGER UNIQUE REFERENCES adjustment(document_id)
) STRICT;

-- When, by whom and how much was collected: weight in grams, the number of containers.
CREATE TABLE waste_collection (
  batch_document_id INTEGER PRIMARY KEY REFERENCES waste_batch(document_id),
  containers INTEGER NOT NULL CHECK (containers BETWEEN 1 AND 1000000),
  weight_grams INTEGER NOT NULL CHECK (weight_grams BETWEEN 1 AND 1000000000000),
  collector TEXT NOT NULL CHECK (length(collector) BETWEEN 1 AND 200),
  recorded_by INTEGER NOT NULL REFERENCES users(id),
  collected_at TEXT NOT NULL
) STRICT;

-- The temporary waste point a batch was taken to.
CREATE TABLE waste_storage (
  batch_document_id INTEGER PRIMARY KEY REFERENCES waste_batch(document_id),
  account_id INTEGER NOT NULL REFERENCES account(id),
  stored_by INTEGER NOT NULL REFERENCES users(id),
  stored_at TEXT NOT NULL
) STRICT;

-- A MAN document: batches handed over to a disposal contractor under the transfer manifest
-- number (联单), with the contractor's licence as it stood, the load as re-measured, and
-- the discrepancy against the batches' collected weight and containers, if any.
CREATE TABLE waste_manifest (
  document_id INTEGER PRIMARY KEY REFERENCES document(id),
  manifest_number TEXT NOT NULL UNIQUE CHECK (length(manifest_number) BETWEEN 1 AND 64),
  contractor_account_id INTEGER NOT NULL REFERENCES account(id),
  licence TEXT NOT NULL,
  licence_expires TEXT NOT NULL,
  expected_grams INTEGER NOT NULL CHECK (expected_grams > 0),
  expected_containers INTEGER NOT NULL CHECK (expected_containers > 0),
  weight_grams INTEGER NOT NULL CHECK (weight_grams BETWEEN 1 AND 1000000000000),
  containers INTEGER NOT NULL CHECK (containers BETWEEN 1 AND 1000000),
  driver TEXT NOT NULL CHECK (length(driver) BETWEEN 1 AND 200),
  vehicle TEXT NOT NULL CHECK (length(vehicle) BETWEEN 1 AND 64),
  discrepancy TEXT,
  handed_over_by INTEGER NOT NULL REFERENCES users(id),
  handed_over_at TEXT NOT NULL
) STRICT;

-- Which manifest each batch left under; a batch is handed over once.
CREATE TABLE waste_manifest_batch (
  batch_document_id INTEGER PRIMARY KEY REFERENCES waste_batch(document_id),
  manifest_document_id INTEGER NOT NULL REFERENCES waste_manifest(document_id)
) STRICT;

CREATE INDEX waste_manifest_batch_manifest ON waste_manifest_batch (manifest_document_id);

-- An approver's signed resolution of a manifest's discrepancy.
CREATE TABLE waste_resolution (
  manifest_document_id INTEGER PRIMARY KEY REFERENCES waste_manifest(document_id),
  reason TEXT NOT NULL CHECK (length(reason) BETWEEN 1 AND 2000),
  resolved_by INTEGER NOT NULL REFERENCES users(id),
  resolved_at TEXT NOT NULL
) STRICT;

-- The contractor's disposal certificate, which closes the manifest.
CREATE TABLE waste_disposal (
  manifest_document_id INTEGER PRIMARY KEY REFERENCES waste_manifest(document_id),
  certificate TEXT NOT NULL CHECK (length(certificate) BETWEEN 1 AND 64),
  method TEXT NOT NULL CHECK (length(method) BETWEEN 1 AND 200),
  destination TEXT NOT NULL CHECK (length(destination) BETWEEN 1 AND 200),
  recorded_by INTEGER NOT NULL REFERENCES users(id),
  recorded_at TEXT NOT NULL
) STRICT;

-- A recalled lot can no longer be shipped, transferred or used; only written off.
CREATE TABLE lot_recall (
  lot_id INTEGER PRIMARY KEY REFERENCES lot(id),
  reason TEXT NOT NULL CHECK (length(reason) BETWEEN 1 AND 2000),
  recalled_by INTEGER NOT NULL REFERENCES users(id),
  recalled_at TEXT NOT NULL
) STRICT;

-- A serial-numbered piece of equipment returned from a site, in disinfection at a
-- warehouse until a clerk records it done; meanwhile it is on hand but not available.
CREATE TABLE disinfection (
  id INTEGER PRIMARY KEY,
  lot_id INTEGER NOT NULL REFERENCES lot(id),
  account_id INTEGER NOT NULL REFERENCES account(id),
  return_document_id INTEGER NOT NULL REFERENCES document(id),
  started_at TEXT NOT NULL,
  method TEXT CHECK (method IS NULL OR length(method) BETWEEN 1 AND 200),
  done_by INTEGER REFERENCES users(id),
  done_at TEXT,
  CHECK ((done_at IS NULL) = (done_by IS NULL)),
  CHECK ((done_at IS NULL) = (method IS NULL))
) STRICT;

CREATE UNIQUE INDEX disinfection_open ON disinfection (lot_id) WHERE done_at IS NULL;

-- Insert-only, enforced by the database whoever writes.
CREATE TRIGGER adjustment_is_kept_update BEFORE UPDATE ON adjustment
BEGIN
  SELECT RAISE(ABORT, 'depot: adjustments are never changed');
END;

CREATE TRIGGER adjustment_is_kept_delete BEFORE DELETE ON adjustment
BEGIN
  SELECT RAISE(ABORT, 'depot: adjustments are never deleted');
END;

CREATE TRIGGER adjustment_line_is_kept_update BEFORE UPDATE ON adjustment_line
BEGIN
  SELECT RAISE(ABORT, 'depot: adjustments are never changed');
END;

CREATE TRIGGER adjustment_line_is_kept_delete BEFORE DELETE ON adjustment_line
BEGIN
  SELECT RAISE(ABORT, 'depot: adjustments are never deleted');
END;

CREATE TRIGGER waste_batch_is_kept_update BEFORE UPDATE ON waste_batch
BEGIN
  SELECT RAISE(ABORT, 'depot: waste records are never changed');
END;

CREATE TRIGGER waste_batch_is_kept_delete BEFORE DELETE ON waste_batch
BEGIN
  SELECT RAISE(ABORT, 'depot: waste records are never deleted');
END;

CREATE TRIGGER waste_collection_is_kept_update BEFORE UPDATE ON waste_collection
BEGIN
  SELECT RAISE(ABORT, 'depot: waste records are never changed');
END;

CREATE TRIGGER waste_collection_is_kept_delete BEFORE DELETE ON waste_collection
BEGIN
  SELECT RAISE(ABORT, 'depot: waste records are never deleted');
END;

CREATE TRIGGER waste_storage_is_kept_update BEFORE UPDATE ON waste_storage
BEGIN
  SELECT RAISE(ABORT, 'depot: waste records are never changed');
END;

CREATE TRIGGER waste_storage_is_kept_delete BEFORE DELETE ON waste_storage
BEGIN
  SELECT RAISE(ABORT, 'depot: waste records are never deleted');
END;

CREATE TRIGGER waste_manifest_is_kept_update BEFORE UPDATE ON waste_manifest
BEGIN
  SELECT RAISE(ABORT, 'depot: waste records are never changed');
END;

CREATE TRIGGER waste_manifest_is_kept_delete BEFORE DELETE ON waste_manifest
BEGIN
  SELECT RAISE(ABORT, 'depot: waste records are never deleted');
END;

CREATE TRIGGER waste_manifest_batch_is_kept_update BEFORE UPDATE ON waste_manifest_batch
BEGIN
  SELECT RAISE(ABORT, 'depot: waste records are never changed');
END;

CREATE TRIGGER waste_manifest_batch_is_kept_delete BEFORE DELETE ON waste_manifest_batch
BEGIN
  SELECT RAISE(ABORT, 'depot: waste records are never deleted');
END;

CREATE TRIGGER waste_resolution_is_kept_update BEFORE UPDATE ON waste_resolution
BEGIN
  SELECT RAISE(ABORT, 'depot: waste records are never changed');
END;

CREATE TRIGGER waste_resolution_is_kept_delete BEFORE DELETE ON waste_resolution
BEGIN
  SELECT RAISE(ABORT, 'depot: waste records are never deleted');
END;

CREATE TRIGGER waste_disposal_is_kept_update BEFORE UPDATE ON waste_disposal
BEGIN
  SELECT RAISE(ABORT, 'depot: waste records are never changed');
END;

CREATE TRIGGER waste_disposal_is_kept_delete BEFORE DELETE ON waste_disposal
BEGIN
  SELECT RAISE(ABORT, 'depot: waste records are never deleted');
END;

CREATE TRIGGER lot_recall_is_kept_update BEFORE UPDATE ON lot_recall
BEGIN
  SELECT RAISE(ABORT, 'depot: recalls are never changed');
END;

CREATE TRIGGER lot_recall_is_kept_delete BEFORE DELETE ON lot_recall
BEGIN
  SELECT RAISE(ABORT, 'depot: recalls are never deleted');
END;

-- A disinfection is finished once; nothing else of it ever changes.
CREATE TRIGGER disinfection_is_kept_update BEFORE UPDATE ON disinfection
  WHEN OLD.done_at IS NOT NULL OR NEW.id IS NOT OLD.id OR NEW.lot_id IS NOT OLD.lot_id
    OR NEW.account_id IS NOT OLD.account_id
    OR NEW.return_document_id IS NOT OLD.return_document_id
    OR NEW.started_at IS NOT OLD.started_at
BEGIN
  SELECT RAISE(ABORT, 'depot: a finished disinfection is never changed');
END;

CREATE TRIGGER disinfection_is_kept_delete BEFORE DELETE ON disinfection
BEGIN
  SELECT RAISE(ABORT, 'depot: disinfection records are never deleted');
END;
