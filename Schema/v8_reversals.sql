-- Depot schema, version 8: reversals (SPEC §10, §3 I3). A mistake is corrected by a REV
-- document that points to the document it reverses and whose movements mirror that
-- document's, each pointing to the movement it reverses.
--
-- `document.kind` gains 'REV'. SQLite cannot change a CHECK constraint in place, so the table
-- is rebuilt with the same columns: its rows are copied aside, the table is dropped and
-- created again, the rows are put back with their ids, and its index and row-image triggers
-- are created again as v2 and v6 made them. Foreign keys are checked at commit, when every
-- row that refers to a document finds it again. No column changes, so every row image stays
-- as it was.
--
-- The database itself holds that only a REV reverses, that a REV names what it reverses, and
-- that a document is reversed at most once; the link never changes once written.

PRAGMA defer_foreign_keys = ON;

CREATE TEMP TABLE document_before_v8 AS SELECT * FROM document;

DROP TRIGGER document_image_insert;
DROP TRIGGER document_image_update;
DROP TRIGGER document_image_delete;
DROP TABLE document;

CREATE TABLE document (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL
    CHECK (kind IN (
      'PR', 'PO', 'RCV', 'DON', 'REQ', 'TRF', 'CNT', 'ADJ', 'WST', 'MAN', 'USE', 'RET', 'REV')),
  year INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 9999),
  sequence INTEGER NOT NULL CHECK (sequence > 0),
  number TEXT NOT NULL UNIQUE,
  state TEXT NOT NULL,
  effective_date TEXT NOT NULL,
  created_by INTEGER NOT NULL REFERENCES users(id),
  created_at TEXT NOT NULL,
  source_account_id INTEGER REFERENCES account(id),
  destination_account_id INTEGER REFERENCES account(id),
  reverses_document_id INTEGER UNIQUE REFERENCES document(id),
  note TEXT,
  UNIQUE (kind, year, sequence),
  CHECK ((kind = 'REV') = (reverses_document_id IS NOT NULL))
) STRICT;

INSERT INTO document (
  id, kind, year, sequence, number, state, effective_date, created_by, created_at,
  source_account_id, destination_account_id, reverses_document_id, note)
SELECT id, kind, year, sequence, number, state, effective_date, created_by, created_at,
  source_account_id, destination_account_id, reverses_document_id, note
FROM temp.document_before_v8 ORDER BY id;

DROP TABLE temp.document_before_v8;

CREATE INDEX document_state ON document (state, source_account_id);

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

-- A reversal's link never changes, and neither a reversal nor what it reverses is deleted.
CREATE TRIGGER document_reversal_is_kept BEFORE UPDATE ON document
  WHEN NEW.reverses_document_id IS NOT OLD.reverses_document_id
BEGIN
  SELECT RAISE(ABORT, 'depot: a reversal link never changes');
END;

CREATE TRIGGER document_reversal_is_kept_delete BEFORE DELETE ON document
  WHEN OLD.kind = 'REV'
    OR EXISTS (SELECT 1 FROM document AS reversal WHERE reversal.reverses_document_id = OLD.id)
BEGIN
  SELECT RAISE(ABORT, 'depot: a reversal and what it reverses are never deleted');
END;
