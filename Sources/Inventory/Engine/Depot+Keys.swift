import Crypto
import Foundation
import Ledger

/// `depot key generate`: a new key pair for the acting user, pending until an admin enrols it.
public struct KeyGeneration: DepotRequest {
  public typealias Result = KeySummary
  /// The device the key is for.
  public var label: String?
  public var command: String { "key generate" }
  public var inputs: [(String, String)] { label.map { [("--label", $0)] } ?? [] }
  public init(label: String? = nil) { self.label = label }
}

/// `depot key enrol NAME --fingerprint HEX`: an admin activates exactly the pending key whose
/// fingerprint its owner read out.
public struct KeyEnrolment: DepotRequest {
  public typealias Result = KeySummary
  public var user: String
  public var fingerprint: String
  public var command: String { "key enrol" }
  public var inputs: [(String, String)] { [("name", user), ("--fingerprint", fingerprint)] }
  public init(user: String, fingerprint: String) {
    self.user = user
    self.fingerprint = fingerprint
  }
}

/// `depot key revoke NAME --fingerprint HEX`: an admin, or the key's owner, ends one key.
public struct KeyRevocation: DepotRequest {
  public typealias Result = KeySummary
  public var user: String
  public var fingerprint: String
  public var command: String { "key revoke" }
  public var inputs: [(String, String)] { [("name", user), ("--fingerprint", fingerprint)] }
  public init(user: String, fingerprint: String) {
    self.user = user
    self.fingerprint = fingerprint
  }
}

/// `depot key rotate`: the acting user replaces this device's key, signing with it.
public struct KeyRotation: DepotRequest {
  public typealias Result = KeySummary
  public var command: String { "key rotate" }
  public var inputs: [(String, String)] { [] }
  public init() {}
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
    public var createdAt: String
    public var activatedAt: String?
    public var retiredAt: String?
  }

  public var user: String
  public var keyPath: String?
  /// The fingerprint of the key this command generated, if it generated one.
  public var fingerprint: String?
  public var keys: [Key]
}

extension Depot {
  /// How long a pending key waits for its enrolment.
  static let pendingKeyLifetime: Int64 = 7 * 86_400_000
  /// How many pending keys a user may have; a newer one supersedes the oldest.
  static let pendingKeyLimit = 3

  /// Writes a new private key (0600) for the acting user and registers its public key as
  /// pending; the registration is signed with the new key itself (proof of possession). A
  /// user's fourth pending key supersedes the oldest, so nobody's registration blocks another's.
  public func generateKey(_ request: KeyGeneration, _ context: WriteContext) throws -> KeySummary {
    guard let keyPath = context.keyPath else {
      throw DepotError.invalidOption(field: "--key", reason: "must name where to write the key")
    }
    let label = try request.label.map { try Text.checked($0, field: "--label", maximumLength: 64) }
    return try withStagedKey(at: keyPath, user: context.actor, replacing: false) { privateKey in
      var signed = context
      signed.signer = MemorySigner(privateKey)
      return try perform(request, signed, roles: [], action: "register a key", selfSigned: true) {
        session in
        guard !FileManager.default.fileExists(atPath: keyPath) else {
          throw DepotError.invalidOption(
            field: "--key",
            reason: "cannot write \(keyPath): a key file already exists there; move it away or "
              + "choose another --key path")
        }
        let pending = try liveKeys(of: session.actor, session, state: .pending)
        var superseded: UserKeyRecord?
        if pending.count >= Self.pendingKeyLimit, let oldest = pending.first {
          try session.transaction.setKeyState(
            .retired, ofKey: oldest.id, at: session.now)
          superseded = oldest
        }
        let publicKey = privateKey.publicKey.rawRepresentation
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
        var summary = try Self.keySummary(of: session.actor, keyPath: keyPath, session)
        summary.fingerprint = fingerprint(of: publicKey)
        return summary
      }
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
      return try Self.keySummary(of: user, keyPath: nil, session)
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
      try session.transaction.revokeKey(key.id, at: session.now)
      try session.record(
        subject: "key \(user.name)", action: "key.revoke", from: key.state.rawValue,
        to: "revoked",
        payload: Payload([("user", user.name), ("key", String(key.id))]))
      return try Self.keySummary(of: user, keyPath: nil, session)
    }
  }

  /// Replaces the key this device signs with by a new one, signed with the current key; the
  /// old key stays on record so that old signatures still verify.
  public func rotateKey(_ request: KeyRotation, _ context: WriteContext) throws -> KeySummary {
    guard let keyPath = context.keyPath else {
      throw DepotError.invalidOption(field: "--key", reason: "must name the current key file")
    }
    return try withStagedKey(at: keyPath, user: context.actor, replacing: true) { newKey in
      try perform(request, context, roles: [], action: "rotate keys") { session in
        let signer = context.signer ?? KeyFileSigner(path: keyPath, user: session.actor.name)
        let current = try Signing.signingKey(
          of: session, publicKey: signer.publicKey(), signer: signer)
        let publicKey = newKey.publicKey.rawRepresentation
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
        var summary = try Self.keySummary(of: session.actor, keyPath: keyPath, session)
        summary.fingerprint = fingerprint(of: publicKey)
        return summary
      }
    }
  }

  /// Writes a new private key beside `keyPath`, runs `register`, and puts the key in place
  /// only once `register` has committed it; a refusal, or a replay of an earlier `--ref`
  /// that registered another key, leaves the files as they were.
  private func withStagedKey(
    at keyPath: String, user: String?, replacing: Bool,
    _ register: (Curve25519.Signing.PrivateKey) throws -> KeySummary
  ) throws -> KeySummary {
    let key = Curve25519.Signing.PrivateKey()
    let staged = keyPath + ".new"
    unlink(staged)
    try KeyFile.write(key, user: user ?? "", path: staged)
    let summary: KeySummary
    do {
      summary = try register(key)
    } catch {
      unlink(staged)
      throw error
    }
    let publicKey = key.publicKey.rawRepresentation.hexadecimal
    guard summary.keys.contains(where: { $0.publicKey == publicKey }) else {
      unlink(staged)
      return summary
    }
    let placed = replacing ? rename(staged, keyPath) : link(staged, keyPath)
    guard placed == 0 else {
      throw DepotError.invalidOption(
        field: "--key", reason: "the new key is in \(staged); move it to \(keyPath)")
    }
    if !replacing { unlink(staged) }
    return summary
  }

  /// A user's keys (every registered user may look).
  public func keys(of user: String, as actor: String?) throws -> KeySummary {
    try read(as: actor) { session in
      try Self.keySummary(of: try session.user(user), keyPath: nil, session)
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

  static func keySummary(of user: UserRecord, keyPath: String?, _ session: Session) throws
    -> KeySummary
  {
    KeySummary(
      user: user.name, keyPath: keyPath, fingerprint: nil,
      keys: try session.transaction.keys(ofUser: user.id).map {
        let state =
          $0.revokedAt != nil
          ? "revoked" : isExpired($0, session) ? "expired" : $0.state.rawValue
        return KeySummary.Key(
          id: $0.id, state: state, fingerprint: fingerprint(of: $0.publicKey), label: $0.label,
          publicKey: $0.publicKey.hexadecimal, createdAt: $0.createdAt.description,
          activatedAt: $0.activatedAt?.description, retiredAt: $0.retiredAt?.description)
      })
  }
}
