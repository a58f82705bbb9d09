-- Depot schema, version 7: the migrations a database has had are recorded in a table, as every
-- storage of Depot keeps them (SQLite's `user_version` stays in step, so that an older depot
-- still refuses a newer file).
--
-- One row per migration: its version, the name of its file, and the SHA-256 of the SQL it ran.
-- The row of every migration before this one is written when this one is applied (dated then);
-- from here on, each migration's row is written in the transaction that applies it. Verify
-- compares the rows with the migrations embedded in the program.

CREATE TABLE schema_migration (
  version INTEGER PRIMARY KEY CHECK (version > 0),
  name TEXT NOT NULL,
  sha256 BLOB NOT NULL CHECK (length(sha256) = 32),
  applied_at TEXT NOT NULL
) STRICT;

CREATE TRIGGER schema_migration_is_append_only_update BEFORE UPDATE ON schema_migration
BEGIN
  SELECT RAISE(ABORT, 'depot: the record of migrations is append-only');
END;

CREATE TRIGGER schema_migration_is_append_only_delete BEFORE DELETE ON schema_migration
BEGIN
  SELECT RAISE(ABORT, 'depot: the record of migrations is append-only');
END;
