import Foundation

/// A user's Ed25519 public key and where it stands.
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
  public var label: String?
  /// When an admin or its owner revoked it (a retired key that was not replaced).
  public var revokedAt: Moment?

  public init(
    id: Int64, userId: Int64, publicKey: Data, state: State, createdAt: Moment,
    activatedAt: Moment?, retiredAt: Moment?, label: String? = nil, revokedAt: Moment? = nil
  ) {
    self.label = label
    self.revokedAt = revokedAt
    self.id = id
    self.userId = userId
    self.publicKey = publicKey
    self.state = state
    self.createdAt = createdAt
    self.activatedAt = activatedAt
    self.retiredAt = retiredAt
  }

  /// The table's columns.
  public enum CodingKeys: String, CodingKey {
    case id
    case userId = "user_id"
    case publicKey = "public_key"
    case state
    case createdAt = "created_at"
    case activatedAt = "activated_at"
    case retiredAt = "retired_at"
    case label
    case revokedAt = "revoked_at"
  }
}
