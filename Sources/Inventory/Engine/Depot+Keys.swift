import Crypto
import Foundation
import Ledger

/// `depot key generate`: a new key pair for the acting user, pending until an admin enrols it.
public struct KeyGeneration: DepotRequest {
  public typealias Result = KeySummary
  public var command: String { "key generate" }
  public var inputs: [(String, String)] { [] }
  public init() {}
}

/// `depot key enrol NAME`: an admin activates a user's pending key.
public struct KeyEnrolment: DepotRequest {
  public typealias Result = KeySummary
  public var user: String
  public var command: String { "key enrol" }
  public var inputs: [(String, String)] { [("name", user)] }
  public init(user: String) { self.user = user }
}

/// `depot key rotate`: the acting user replaces their key, signing with the current one.
public struct KeyRotation: DepotRequest {
  public typealias Result = KeySummary
  public var command: String { "key rotate" }
  public var inputs: [(String, String)] { [] }
  public init() {}
}

/// A user's keys, newest last.
public struct KeySummary: Codable, Sendable, Equatable {
  /// One key.
  public struct Key: Codable, Sendable, Equatable {
    public var id: Int64
    public var state: String
    public var publicKey: String
    public var createdAt: String
    public var activatedAt: String?
    public var retiredAt: String?
  }

  public var user: String
  public var keyPath: String?
  public var keys: [Key]
}

extension Depot {
  /// Writes a new private key (0600) for the acting user and registers its public key as
  /// pending; the registration is signed with the new key itself.
  public func generateKey(_ request: KeyGeneration, _ context: WriteContext) throws -> KeySummary {
    guard let keyPath = context.keyPath else {
      throw DepotError.invalidOption(field: "--key", reason: "must name where to write the key")
    }
    return try withStagedKey(at: keyPath, user: context.actor, replacing: false) { privateKey in
      try perform(request, context, roles: [], action: "register a key") { session in
        guard !FileManager.default.fileExists(atPath: keyPath) else {
          throw DepotError.invalidOption(
            field: "--key",
            reason: "cannot write \(keyPath): a key file already exists there; move it away or "
              + "choose another --key path")
        }
        let keys = try session.transaction.keys(ofUser: session.actor.id)
        guard !keys.contains(where: { $0.state == .pending }) else {
          throw DepotError.keyAlreadyPending(user: session.actor.name)
        }
        let publicKey = privateKey.publicKey.rawRepresentation
        let key = try session.transaction.insertKey(
          userID: session.actor.id, publicKey: publicKey, state: .pending,
          createdAt: session.now.description)
        let subject = "key \(session.actor.name)"
        let payload = Payload([
          ("user", session.actor.name), ("key", String(key.id)),
          ("publicKey", publicKey.hexadecimal),
        ])
        let signature = try Signing.sign(
          session, with: privateKey, key: key, subject: subject, action: "key.register",
          from: nil, to: "pending", reason: nil, payload: payload)
        try session.record(
          subject: subject, action: "key.register", to: "pending", payload: payload,
          signature: signature)
        return try Self.keySummary(of: session.actor, keyPath: keyPath, session.transaction)
      }
    }
  }

  /// Activates a user's pending key, signed with the admin's own key.
  public func enrolKey(_ request: KeyEnrolment, _ context: WriteContext) throws -> KeySummary {
    try perform(request, context, roles: [.admin], action: "enrol keys") { session in
      guard let user = try session.transaction.user(named: request.user) else {
        throw DepotError.unknownUser(request.user)
      }
      let keys = try session.transaction.keys(ofUser: user.id)
      guard let pending = keys.last(where: { $0.state == .pending }) else {
        throw DepotError.noPendingKey(user: user.name)
      }
      try session.recordSigned(
        keyPath: context.keyPath, subject: "key \(user.name)", action: "key.enrol", from: "pending",
        to: "active",
        payload: Payload([
          ("user", user.name), ("key", String(pending.id)),
          ("publicKey", pending.publicKey.hexadecimal),
        ]))
      for key in keys where key.state == .active {
        try session.transaction.setKeyState(.retired, ofKey: key.id, at: session.now.description)
      }
      try session.transaction.setKeyState(.active, ofKey: pending.id, at: session.now.description)
      return try Self.keySummary(of: user, keyPath: nil, session.transaction)
    }
  }

  /// Replaces the acting user's active key with a new one, signed with the current key; the
  /// old key stays on record so that old signatures still verify.
  public func rotateKey(_ request: KeyRotation, _ context: WriteContext) throws -> KeySummary {
    guard let keyPath = context.keyPath else {
      throw DepotError.invalidOption(field: "--key", reason: "must name the current key file")
    }
    return try withStagedKey(at: keyPath, user: context.actor, replacing: true) { newKey in
      try perform(request, context, roles: [], action: "rotate keys") { session in
        let (_, current) = try Signing.activeKey(of: session, keyPath: keyPath)
        let publicKey = newKey.publicKey.rawRepresentation
        let key = try session.transaction.insertKey(
          userID: session.actor.id, publicKey: publicKey, state: .pending,
          createdAt: session.now.description)
        try session.recordSigned(
          keyPath: keyPath, subject: "key \(session.actor.name)", action: "key.rotate",
          from: "active", to: "active",
          payload: Payload([
            ("user", session.actor.name), ("key", String(key.id)),
            ("publicKey", publicKey.hexadecimal), ("previous", String(current.id)),
          ]))
        try session.transaction.setKeyState(
          .retired, ofKey: current.id, at: session.now.description)
        try session.transaction.setKeyState(.active, ofKey: key.id, at: session.now.description)
        return try Self.keySummary(of: session.actor, keyPath: keyPath, session.transaction)
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
      guard let record = try session.transaction.user(named: user) else {
        throw DepotError.unknownUser(user)
      }
      return try Self.keySummary(of: record, keyPath: nil, session.transaction)
    }
  }

  static func keySummary(of user: UserRecord, keyPath: String?, _ transaction: LedgerTransaction)
    throws -> KeySummary
  {
    KeySummary(
      user: user.name, keyPath: keyPath,
      keys: try transaction.keys(ofUser: user.id).map {
        KeySummary.Key(
          id: $0.id, state: $0.state.rawValue, publicKey: $0.publicKey.hexadecimal,
          createdAt: $0.createdAt, activatedAt: $0.activatedAt, retiredAt: $0.retiredAt)
      })
  }
}
