import Foundation
import GRDB
import Schema

/// One open transaction on the ledger: every read and write the engine needs, typed.
///
/// This is the only SQL in Depot. Methods never commit; the store commits when the body that
/// received the transaction returns.
public struct LedgerTransaction {
  let db: Database
  /// The newest movement this transaction knows of: while it holds the write lock, no one
  /// else can append, so it need not read the chain's tip back for every movement it posts.
  let movementTip = ChainTipCache()
  /// The chains' format, read once.
  let formatCache = ChainFormatCache()

  func schemaIdentity() throws -> (applicationID: Int32, version: Int) {
    let applicationID = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
    let version = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
    return (applicationID, version)
  }

  func apply(_ migration: Schema.Migration) throws {
    try db.execute(sql: migration.sql)
    try db.execute(sql: "PRAGMA user_version = \(migration.version)")
  }

  func setSchemaIdentity(applicationID: Int32) throws {
    try db.execute(sql: "PRAGMA application_id = \(applicationID)")
  }
}

/// The id and hash of a chain's newest entry, once read or written.
final class ChainTipCache {
  var tip: (id: Int64, hash: Data)?
}
