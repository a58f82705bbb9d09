import Foundation
import GRDB
import Ledger

extension SQLiteTransaction: TrustLedger {
  /// A user's keys, oldest first.
  public func keys(ofUser userID: Int64) throws -> [UserKeyRecord] {
    try UserKeyRecord.fetchAll(
      cached("SELECT * FROM user_key WHERE user_id = ? ORDER BY id"), arguments: [userID])
  }

  /// Every key, oldest first.
  public func allKeys() throws -> [UserKeyRecord] {
    try UserKeyRecord.fetchAll(cached("SELECT * FROM user_key ORDER BY id"))
  }

  /// Registers a public key and returns it as stored.
  public func insertKey(
    userID: Int64, publicKey: Data, state: UserKeyRecord.State, createdAt: Moment,
    label: String? = nil
  ) throws -> UserKeyRecord {
    try execute(
      sql: """
        INSERT INTO user_key (user_id, public_key, state, created_at, activated_at, label)
        VALUES (?, ?, ?, ?, ?, ?)
        """,
      arguments: [userID, publicKey, state, createdAt, state == .active ? createdAt : nil, label])
    return UserKeyRecord(
      id: db.lastInsertedRowID, userId: userID, publicKey: publicKey, state: state,
      createdAt: createdAt, activatedAt: state == .active ? createdAt : nil, retiredAt: nil,
      label: label)
  }

  /// Retires a key for good because it was revoked.
  public func revokeKey(_ keyID: Int64, at moment: Moment) throws {
    try execute(
      sql: "UPDATE user_key SET state = 'retired', retired_at = ?1, revoked_at = ?1 WHERE id = ?2",
      arguments: [moment, keyID])
  }

  /// Activates a pending key or retires an active one.
  public func setKeyState(_ state: UserKeyRecord.State, ofKey keyID: Int64, at moment: Moment)
    throws
  {
    let column = state == .active ? "activated_at" : "retired_at"
    try execute(
      sql: "UPDATE user_key SET state = ?, \(column) = ? WHERE id = ?",
      arguments: [state, moment, keyID])
  }
}
