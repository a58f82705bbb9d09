import Crypto
import Foundation
import Ledger
import Macros

/// `depot key generate`: a new key pair for the acting user, pending until an admin enrols it.
public struct KeyGeneration: DepotRequest {
  public typealias Result = KeySummary
  /// The device the key is for.
  public var label: String?
  public var command: String { "key generate" }
  public var inputs: [(Field, String)] { label.map { [(.label, $0)] } ?? [] }
  public init(label: String? = nil) { self.label = label }
}

/// `depot key enrol NAME --fingerprint HEX`: an admin activates exactly the pending key whose
/// fingerprint its owner read out.
@MemberwiseInit
public struct KeyEnrolment: DepotRequest {
  public typealias Result = KeySummary
  public var user: String
  public var fingerprint: String
  public var command: String { "key enrol" }
  public var inputs: [(Field, String)] { [(.user, user), (.fingerprint, fingerprint)] }
}

/// `depot key revoke NAME --fingerprint HEX`: an admin, or the key's owner, ends one key.
@MemberwiseInit
public struct KeyRevocation: DepotRequest {
  public typealias Result = KeySummary
  public var user: String
  public var fingerprint: String
  public var command: String { "key revoke" }
  public var inputs: [(Field, String)] { [(.user, user), (.fingerprint, fingerprint)] }
}

/// `depot key rotate`: the acting user replaces this device's key, signing with it.
public struct KeyRotation: DepotRequest {
  public typealias Result = KeySummary
  /// The new key's raw public key; a retry brings a key of its own, so it is not an input.
  public let newKey: Data
  public var command: String { "key rotate" }
  public var inputs: [(Field, String)] { [] }
  public init(newKey: Curve25519.Signing.PublicKey) { self.newKey = newKey.rawRepresentation }
}

/// A user's keys, oldest first.
public struct KeySummary: Codable, Sendable, Equatable {
  /// One key.
  public struct Key: Codable, Sendable, Equatable {
    public var id: Int64
    /// `pending`, `active`, `retired` (replaced), `revoked` or `expired` (pending too long).
    public var state: String
    /// The full SHA-256 of the public key, in hexadecimal.
    public var fingerprint: String
    public var label: String?
    public var publicKey: String
    public var createdAt: Moment
    public var activatedAt: Moment?
    public var retiredAt: Moment?
  }

  public var user: String
  /// Where the new private key was stored: the engine leaves it to its caller to say.
  public var keyPath: String?
  /// The fingerprint of the key this command generated, if it generated one.
  public var fingerprint: String?
  public var keys: [Key]

  /// Whether `publicKey` is among the keys: not when a retried `--ref` reported an earlier
  /// command's keys, so the key it brought was never registered and is not to be kept.
  public func lists(_ publicKey: Curve25519.Signing.PublicKey) -> Bool {
    let wanted = publicKey.rawRepresentation.hexadecimal
    return keys.contains { $0.publicKey == wanted }
  }
}

extension Depot {
  /// How long a pending key waits for its enrolment.
  static let pendingKeyLifetime: Int64 = 7 * 86_400_000
  /// How many pending keys a user may have; a newer one supersedes the oldest.
  static let pendingKeyLimit = 3

  /// Registers the public key of the context's signer, a key just made, as the acting user's
  /// pending key; the registration is signed with that key itself (proof of possession). A
  /// user's fourth pending key supersedes the oldest, so nobody's registration blocks another's.
  /// The caller keeps the private key only if the summary `lists` it.
  public func generateKey(_ request: KeyGeneration, _ context: WriteContext) throws -> KeySummary {
    let label = try request.label.map { try Text.checked($0, field: .label, maximumLength: 64) }
    return try perform(request, context, roles: [], action: "register a key", selfSigned: true) {
      session in
      guard let publicKey = try context.signer?.publicKey() else {
        throw DepotError.keyFileMissing(user: session.actor.name, path: nil)
      }
      let pending = try liveKeys(of: session.actor, session, state: .pending)
      var superseded: UserKeyRecord?
      if pending.count >= Self.pendingKeyLimit, let oldest = pending.first {
        try session.transaction.setKeyState(
          .retired, ofKey: oldest.id, at: session.now)
        superseded = oldest
      }
      let key = try session.transaction.insertKey(
        userID: session.actor.id, publicKey: publicKey, state: .pending,
        createdAt: session.now, label: label)
      try session.record(
        subject: "key \(session.actor.name)", action: "key.register", to: "pending",
        payload: Payload([
          ("user", session.actor.name), ("key", String(key.id)),
          ("publicKey", publicKey.hexadecimal), ("label", label),
          ("supersedes", superseded.map { String($0.id) }),
        ]))
      var summary = try Self.keySummary(of: session.actor, session)
      summary.fingerprint = fingerprint(of: publicKey)
      return summary
    }
  }

  /// Activates the user's pending key with exactly this fingerprint (admin, signed).
  public func enrolKey(_ request: KeyEnrolment, _ context: WriteContext) throws -> KeySummary {
    try perform(request, context, roles: [.admin], action: "enrol keys") { session in
      let user = try session.user(request.user)
      let wanted = try Self.fullFingerprint(request.fingerprint)
      let keys = try session.transaction.keys(ofUser: user.id)
      guard let key = keys.first(where: { fingerprint(of: $0.publicKey) == wanted }),
        key.state == .pending
      else {
        if keys.isEmpty { throw DepotError.noPendingKey(user: user.name) }
        throw DepotError.fingerprintUnknown(user: user.name, fingerprint: wanted)
      }
      guard !Self.isExpired(key, session) else {
        throw DepotError.pendingKeyExpired(user: user.name, fingerprint: wanted)
      }
      try session.transaction.setKeyState(.active, ofKey: key.id, at: session.now)
      try session.record(
        subject: "key \(user.name)", action: "key.enrol", from: "pending", to: "active",
        payload: Payload([
          ("user", user.name), ("key", String(key.id)), ("publicKey", key.publicKey.hexadecimal),
        ]))
      return try Self.keySummary(of: user, session)
    }
  }

  /// Ends one key of a user (an admin, or the key's owner, signed); the office's last active
  /// admin key cannot be revoked.
  public func revokeKey(_ request: KeyRevocation, _ context: WriteContext) throws -> KeySummary {
    try perform(request, context, roles: [], action: "revoke keys") { session in
      let user = try session.user(request.user)
      guard user.id == session.actor.id || session.roles.contains(.admin) else {
        throw DepotError.missingRole(
          user: session.actor.name, action: "revoke others' keys", roles: [.admin])
      }
      let wanted = try Self.fullFingerprint(request.fingerprint)
      guard
        let key = try session.transaction.keys(ofUser: user.id).first(where: {
          fingerprint(of: $0.publicKey) == wanted && $0.state != .retired
        })
      else { throw DepotError.fingerprintUnknown(user: user.name, fingerprint: wanted) }
      if key.state == .active, try activeAdminKeys(session).allSatisfy({ $0.id == key.id }) {
        throw DepotError.lastAdminKey(user: user.name)
      }
      try Self.revoke(key, of: user, session)
      return try Self.keySummary(of: user, session)
    }
  }

  /// Revokes one key of `user` and records it: the key signs nothing from now on, and what it
  /// signed before stays verifiable.
  static func revoke(_ key: UserKeyRecord, of user: UserRecord, _ session: Session) throws {
    try session.transaction.revokeKey(key.id, at: session.now)
    try session.record(
      subject: "key \(user.name)", action: "key.revoke", from: key.state.rawValue,
      to: "revoked",
      payload: Payload([("user", user.name), ("key", String(key.id))]))
  }

  /// Replaces the key this device signs with by `request.newKey`, signed with the current key;
  /// the old key stays on record so that old signatures still verify. The caller keeps the
  /// new private key only if the summary `lists` it.
  public func rotateKey(_ request: KeyRotation, _ context: WriteContext) throws -> KeySummary {
    try perform(request, context, roles: [], action: "rotate keys") { session in
      guard let signer = context.signer else {
        throw DepotError.keyFileMissing(user: session.actor.name, path: nil)
      }
      let current = try Signing.signingKey(
        of: session, publicKey: signer.publicKey(), signer: signer)
      let publicKey = request.newKey
      let key = try session.transaction.insertKey(
        userID: session.actor.id, publicKey: publicKey, state: .pending,
        createdAt: session.now, label: current.label)
      try session.record(
        subject: "key \(session.actor.name)", action: "key.rotate", from: "active",
        to: "active",
        payload: Payload([
          ("user", session.actor.name), ("key", String(key.id)),
          ("publicKey", publicKey.hexadecimal), ("previous", String(current.id)),
        ]))
      try session.transaction.setKeyState(
        .retired, ofKey: current.id, at: session.now)
      try session.transaction.setKeyState(.active, ofKey: key.id, at: session.now)
      var summary = try Self.keySummary(of: session.actor, session)
      summary.fingerprint = fingerprint(of: publicKey)
      return summary
    }
  }

  /// A user's keys (every registered user may look).
  public func keys(of user: String, as actor: String?) throws -> KeySummary {
    try read(as: actor) { session in
      try Self.keySummary(of: try session.user(user), session)
    }
  }

  private func liveKeys(of user: UserRecord, _ session: Session, state: UserKeyRecord.State)
    throws -> [UserKeyRecord]
  {
    try session.transaction.keys(ofUser: user.id).filter {
      $0.state == state && !Self.isExpired($0, session)
    }
  }

  /// The active keys of every admin.
  private func activeAdminKeys(_ session: Session) throws -> [UserKeyRecord] {
    try session.transaction.users().flatMap { user -> [UserKeyRecord] in
      guard try session.transaction.roles(ofUser: user.id).contains(Role.admin.rawValue) else {
        return []
      }
      return try session.transaction.keys(ofUser: user.id).filter { $0.state == .active }
    }
  }

  static func isExpired(_ key: UserKeyRecord, _ session: Session) -> Bool {
    guard key.state == .pending else { return false }
    return session.now.milliseconds - key.createdAt.milliseconds > pendingKeyLifetime
  }

  /// A fingerprint as typed, without spaces, colons or dashes; refused unless it is whole.
  static func fullFingerprint(_ text: String) throws -> String {
    let digits = text.lowercased().filter { !" :-".contains($0) }
    guard digits.count == 64, digits.allSatisfy(\.isHexDigit) else {
      throw DepotError.fingerprintIncomplete(given: text)
    }
    return digits
  }

  static func keySummary(of user: UserRecord, _ session: Session) throws -> KeySummary {
    KeySummary(
      user: user.name, keyPath: nil, fingerprint: nil,
      keys: try session.transaction.keys(ofUser: user.id).map {
        let state =
          $0.revokedAt != nil
          ? "revoked" : isExpired($0, session) ? "expired" : $0.state.rawValue
        return KeySummary.Key(
          id: $0.id, state: state, fingerprint: fingerprint(of: $0.publicKey), label: $0.label,
          publicKey: $0.publicKey.hexadecimal, createdAt: $0.createdAt,
          activatedAt: $0.activatedAt, retiredAt: $0.retiredAt)
      })
  }
}
