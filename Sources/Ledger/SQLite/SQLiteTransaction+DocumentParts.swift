import GRDB
import Ledger

// Most documents keep their kind's part in a table keyed by `document_id` and their lines in
// another, ordered by `position`; many parts hang off another row by a unique column. One rule
// for all of them.

extension SQLiteTransaction {
  /// Records a document's part and its lines in their tables.
  func insert(part: some StoredRecord, lines: [some StoredRecord]) throws {
    try part.insert(db)
    for line in lines { try line.insert(db) }
  }

  /// The part a document keeps in `Part`'s table, if it has one.
  func part<Part: StoredRecord>(_: Part.Type, documentID: Int64) throws -> Part? {
    try one(Part.self, where: "document_id", is: documentID)
  }

  /// The row of `Record`'s table whose `column` (unique there) holds `value`, if any.
  func one<Record: StoredRecord>(
    _: Record.Type, where column: String, is value: some DatabaseValueConvertible
  ) throws -> Record? {
    try Record.fetchOne(
      cached("SELECT * FROM \(Record.databaseTableName) WHERE \(column) = ?"), arguments: [value])
  }

  /// A document's lines in `Line`'s table, in order.
  func lines<Line: StoredRecord>(_: Line.Type, documentID: Int64) throws -> [Line] {
    try Line.fetchAll(
      cached("SELECT * FROM \(Line.databaseTableName) WHERE document_id = ? ORDER BY position"),
      arguments: [documentID])
  }
}
