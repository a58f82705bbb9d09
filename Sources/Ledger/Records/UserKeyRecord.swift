import Foundation
import GRDB

/// A user's Ed25519 public key and where it stands.
public struct UserKeyRecord: LedgerRecord, Equatable {
  public static let databaseTableName = "user_key"

  /// Where a key stands: registered, enrolled by an admin, or replaced.
  public enum State: String, Codable, Sendable, DatabaseValueConvertible {
    case pending, active, retired
  }

  public var id: Int64
  public var userId: Int64
  public var publicKey: Data
  public var state: State
  public var createdAt: String
  public var activatedAt: String?
  public var retiredAt: String?
}
