import GRDB
import Ledger

// Every statement the ledger runs is compiled once per connection and reused: compiling (and
// GRDB's per-compilation authorizer) would otherwise dominate bulk work.

extension SQLiteTransaction {
  /// Runs one SQL statement with its arguments, compiled once per connection.
  func execute(sql: String, arguments: StatementArguments = StatementArguments()) throws {
    try db.cachedStatement(sql: sql).execute(arguments: arguments)
  }
}

extension FetchableRecord {
  static func fetchOne(
    _ transaction: SQLiteTransaction, sql: String,
    arguments: StatementArguments = StatementArguments()
  ) throws -> Self? {
    try fetchOne(transaction.db.cachedStatement(sql: sql), arguments: arguments)
  }

  static func fetchAll(
    _ transaction: SQLiteTransaction, sql: String,
    arguments: StatementArguments = StatementArguments()
  ) throws -> [Self] {
    try fetchAll(transaction.db.cachedStatement(sql: sql), arguments: arguments)
  }

  static func fetchCursor(
    _ transaction: SQLiteTransaction, sql: String,
    arguments: StatementArguments = StatementArguments()
  ) throws -> RecordCursor<Self> {
    try fetchCursor(transaction.db.cachedStatement(sql: sql), arguments: arguments)
  }
}

extension DatabaseValueConvertible where Self: StatementColumnConvertible {
  static func fetchOne(
    _ transaction: SQLiteTransaction, sql: String,
    arguments: StatementArguments = StatementArguments()
  ) throws -> Self? {
    try fetchOne(transaction.db.cachedStatement(sql: sql), arguments: arguments)
  }

  static func fetchAll(
    _ transaction: SQLiteTransaction, sql: String,
    arguments: StatementArguments = StatementArguments()
  ) throws -> [Self] {
    try fetchAll(transaction.db.cachedStatement(sql: sql), arguments: arguments)
  }
}

extension Row {
  static func fetchOne(
    _ transaction: SQLiteTransaction, sql: String,
    arguments: StatementArguments = StatementArguments()
  ) throws -> Row? {
    try fetchOne(transaction.db.cachedStatement(sql: sql), arguments: arguments)
  }

  static func fetchAll(
    _ transaction: SQLiteTransaction, sql: String,
    arguments: StatementArguments = StatementArguments()
  ) throws -> [Row] {
    try fetchAll(transaction.db.cachedStatement(sql: sql), arguments: arguments)
  }

  static func fetchCursor(
    _ transaction: SQLiteTransaction, sql: String,
    arguments: StatementArguments = StatementArguments()
  ) throws -> RowCursor {
    try fetchCursor(transaction.db.cachedStatement(sql: sql), arguments: arguments)
  }
}
