import Foundation
import GRDB
import GRDBSQLite
import Ledger

/// A cached INSERT whose values are bound straight from Swift values, without building
/// statement arguments first: the hot path of posting many movements and lots in one go.
/// Failures are thrown as GRDB would throw them, so the store translates them the same way.
struct DirectInsert {
  private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
  private let db: Database
  private let statement: SQLiteStatement
  private var index: Int32 = 0

  init(_ db: Database, sql: String) throws {
    self.db = db
    statement = try db.cachedStatement(sql: sql).sqliteStatement
    sqlite3_reset(statement)
    sqlite3_clear_bindings(statement)
  }

  mutating func bind(_ value: Int64?) {
    index += 1
    if let value {
      sqlite3_bind_int64(statement, index, value)
    } else {
      sqlite3_bind_null(statement, index)
    }
  }

  mutating func bind(_ text: String?) {
    index += 1
    guard var text else {
      sqlite3_bind_null(statement, index)
      return
    }
    let position = index
    text.withUTF8 { bytes in
      let start =
        UnsafeRawPointer(bytes.baseAddress) ?? UnsafeRawPointer(("" as StaticString).utf8Start)
      sqlite3_bind_text(
        statement, position, start.assumingMemoryBound(to: CChar.self), Int32(bytes.count),
        Self.transient)
    }
  }

  /// Binds a day as its stored `YYYY-MM-DD` text.
  mutating func bind(_ day: Day?) {
    bind(day?.description)
  }

  /// Binds an instant as its stored ISO 8601 text.
  mutating func bind(_ moment: Moment?) {
    bind(moment?.description)
  }

  mutating func bind(_ data: Data) {
    index += 1
    let position = index
    data.withUnsafeBytes { bytes in
      _ = sqlite3_bind_blob(
        statement, position, bytes.baseAddress, Int32(bytes.count), Self.transient)
    }
  }

  /// Runs the insert and makes the statement ready for the next one.
  func run() throws {
    let code = sqlite3_step(statement)
    guard code == SQLITE_DONE else {
      let message = String(cString: sqlite3_errmsg(db.sqliteConnection))
      sqlite3_reset(statement)
      throw DatabaseError(resultCode: ResultCode(rawValue: code), message: message)
    }
    sqlite3_reset(statement)
  }
}
