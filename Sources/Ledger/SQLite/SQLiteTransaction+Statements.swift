import GRDB
import Ledger

// Every statement the ledger runs is compiled once per connection and reused: compiling (and
// GRDB's per-compilation authorizer) would otherwise dominate bulk work.

extension SQLiteTransaction {
  /// The statement for `sql`, compiled once per connection and reused.
  func cached(_ sql: String) throws -> Statement {
    try db.cachedStatement(sql: sql)
  }

  /// Runs one SQL statement with its arguments, compiled once per connection.
  func execute(sql: String, arguments: StatementArguments = StatementArguments()) throws {
    try cached(sql).execute(arguments: arguments)
  }
}
