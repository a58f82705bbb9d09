import Foundation
import Macros

/// A user's Ed25519 public key and where it stands.
@MemberwiseInit
@ColumnKeys
public struct UserKeyRecord: LedgerRecord, Equatable {

  /// Where a key stands: registered, enrolled by an admin, or replaced.
  public enum State: String, Codable, Sendable {
    case pending, active, retired
  }

  public var id: Int64
  public var userId: Int64
  public var publicKey: Data
  public var state: State
  public var createdAt: Moment
  public var activatedAt: Moment?
  public var retiredAt: Moment?
  /// The device the key is for.
  public var label: String? = nil
  /// When an admin or its owner revoked it (a retired key that was not replaced).
  public var revokedAt: Moment? = nil
}
