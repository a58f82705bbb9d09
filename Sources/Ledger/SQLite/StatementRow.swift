import GRDB
import GRDBSQLite
import Ledger

/// A row of a streamed query, read in place from the SQLite statement.
struct StatementRow: StreamedRow {
  let statement: SQLiteStatement

  /// The integer in `column` (0 for NULL).
  func integer(_ column: Int32) -> Int64 {
    sqlite3_column_int64(statement, column)
  }

  /// Whether `column` is NULL.
  func isNull(_ column: Int32) -> Bool {
    sqlite3_column_type(statement, column) == SQLITE_NULL
  }

  /// The UTF-8 bytes of the text in `column` (empty for NULL), valid until the next row.
  func text(_ column: Int32) -> UnsafeBufferPointer<UInt8> {
    guard let bytes = sqlite3_column_text(statement, column) else {
      return UnsafeBufferPointer(start: nil, count: 0)
    }
    return UnsafeBufferPointer(start: bytes, count: Int(sqlite3_column_bytes(statement, column)))
  }
}

extension SQLiteTransaction {
  /// Runs a query and hands each row to `body` in place; returns how many rows there were.
  func stream(
    sql: String, arguments: StatementArguments, _ body: (any StreamedRow) throws -> Void
  ) throws -> Int64 {
    let statement = try db.makeStatement(sql: sql)
    try statement.setArguments(arguments)
    let cursor = try Row.fetchCursor(statement)
    let row = StatementRow(statement: statement.sqliteStatement)
    var count: Int64 = 0
    while try cursor.next() != nil {
      try body(row)
      count += 1
    }
    return count
  }
}
