-- Depot schema, version 5: physical counts. A count (CNT) records, per lot at one place, what
-- the books said and what was found; every variance becomes an adjustment (ADJ, kind
-- 'count') that an approver signs before it posts. Counts are records: never changed.

CREATE TABLE stock_count (
  document_id INTEGER PRIMARY KEY REFERENCES document(id),
  account_id INTEGER NOT NULL REFERENCES account(id),
  -- What open issuance requests had reserved of the counted items there when counted.
  reserved INTEGER NOT NULL CHECK (reserved >= 0)
) STRICT;

CREATE TABLE stock_count_line (
  document_id INTEGER NOT NULL REFERENCES stock_count(document_id),
  position INTEGER NOT NULL CHECK (position > 0),
  item_id INTEGER NOT NULL REFERENCES item(id),
  lot_id INTEGER NOT NULL REFERENCES lot(id),
  book INTEGER NOT NULL CHECK (book >= 0),
  counted INTEGER NOT NULL CHECK (counted >= 0),
  PRIMARY KEY (document_id, position)
) STRICT, WITHOUT ROWID;

CREATE TRIGGER stock_count_is_a_record_update BEFORE UPDATE ON stock_count
BEGIN
  SELECT RAISE(ABORT, 'depot: counts are records and are never changed');
END;

CREATE TRIGGER stock_count_is_a_record_delete BEFORE DELETE ON stock_count
BEGIN
  SELECT RAISE(ABORT, 'depot: counts are records and are never deleted');
END;

CREATE TRIGGER stock_count_line_is_a_record_update BEFORE UPDATE ON stock_count_line
BEGIN
  SELECT RAISE(ABORT, 'depot: counts are records and are never changed');
END;

CREATE TRIGGER stock_count_line_is_a_record_delete BEFORE DELETE ON stock_count_line
BEGIN
  SELECT RAISE(ABORT, 'depot: counts are records and are never deleted');
END;
