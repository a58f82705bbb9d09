import Crypto
import Foundation
import Ledger

/// The one signing service every sign-off goes through (SPEC §7).
///
/// It signs a canonical, versioned message built from the event's subject, action, states,
/// actor, time, reason and payload (which names the document's lines and quantities), then
/// verifies the signature against the actor's enrolled key before the transaction commits.
enum Signing {
  /// The version of the signed message's encoding.
  static let version = 1

  /// Actions whose events must carry a signature; `verify` flags one that does not.
  static let requiredActions: Set<String> = [
    "key.register", "key.enrol", "key.rotate", "issue.approve", "issue.reject", "issue.cancel",
    "issue.close", "writeoff.request", "adjust.approve", "adjust.reject", "manifest.handover",
    "waste.handover", "manifest.resolve", "lot.recall", "purchase.approve", "purchase.reject",
    "purchase.cancel", "order.emergency", "order.close", "order.cancel", "receipt.emergency",
  ]

  /// The exact bytes signed for an event.
  static func message(
    version: Int, subject: String, action: String, from: String?, to: String?, actor: String,
    recordedAt: String, reason: String?, payload: String
  ) -> Data {
    let fields: [(String, String?)] = [
      ("subject", subject), ("action", action), ("from", from), ("to", to), ("actor", actor),
      ("recorded", recordedAt), ("reason", reason), ("payload", payload),
    ]
    return Data(("depot.signature.v\(version)\n" + Payload(fields).text).utf8)
  }

  /// Signs with the actor's private key; the key must be the actor's active enrolled key.
  static func sign(
    _ session: Session, keyPath: String?, subject: String, action: String, from: String?,
    to: String?, reason: String?, payload: Payload
  ) throws -> EventDraft.Signature {
    let (privateKey, key) = try activeKey(of: session, keyPath: keyPath)
    return try sign(
      session, with: privateKey, key: key, subject: subject, action: action, from: from, to: to,
      reason: reason, payload: payload)
  }

  /// Reads the actor's private key and finds it among the actor's keys: refused unless it is
  /// the active, enrolled one.
  static func activeKey(of session: Session, keyPath: String?) throws -> (
    Curve25519.Signing.PrivateKey, UserKeyRecord
  ) {
    let user = session.actor.name
    guard let keyPath else { throw DepotError.keyFileMissing(user: user, path: "(no path)") }
    let privateKey = try KeyFile.read(path: keyPath, user: user)
    let publicKey = privateKey.publicKey.rawRepresentation
    let keys = try session.transaction.keys(ofUser: session.actor.id)
    if let active = keys.first(where: { $0.state == .active }), active.publicKey == publicKey {
      return (privateKey, active)
    }
    if keys.contains(where: { $0.state == .pending && $0.publicKey == publicKey }) {
      throw DepotError.keyPending(user: user)
    }
    guard keys.contains(where: { $0.state == .active }) else {
      if keys.contains(where: { $0.state == .pending }) { throw DepotError.keyPending(user: user) }
      throw DepotError.keyNotEnrolled(user: user)
    }
    throw DepotError.keyMismatch(user: user, path: keyPath)
  }

  /// Signs an event's message with a given key, then checks the signature against the
  /// stored public key before anything is written.
  static func sign(
    _ session: Session, with privateKey: Curve25519.Signing.PrivateKey, key: UserKeyRecord,
    subject: String, action: String, from: String?, to: String?, reason: String?,
    payload: Payload
  ) throws -> EventDraft.Signature {
    let bytes = message(
      version: version, subject: subject, action: action, from: from, to: to,
      actor: session.actor.name, recordedAt: session.now.description, reason: reason,
      payload: payload.text)
    let signature = try privateKey.signature(for: bytes)
    guard isValid(signature: signature, of: bytes, publicKey: key.publicKey) else {
      throw DepotError.signatureInvalid(user: session.actor.name)
    }
    return EventDraft.Signature(version: version, keyId: key.id, bytes: signature)
  }

  /// Whether `signature` over `bytes` verifies against a raw Ed25519 public key.
  static func isValid(signature: Data, of bytes: Data, publicKey: Data) -> Bool {
    guard let key = try? Curve25519.Signing.PublicKey(rawRepresentation: publicKey) else {
      return false
    }
    return key.isValidSignature(signature, for: bytes)
  }
}

extension Session {
  /// Records a signed event: signs it with the actor's key, then appends it to the chain.
  @discardableResult
  func recordSigned(
    keyPath: String?, subject: String, action: String, document: DocumentRecord? = nil,
    from: String? = nil, to: String? = nil, reason: String? = nil, payload: Payload
  ) throws -> DocumentEventRecord {
    let signature = try Signing.sign(
      self, keyPath: keyPath, subject: subject, action: action, from: from, to: to,
      reason: reason, payload: payload)
    return try record(
      subject: subject, action: action, document: document, from: from, to: to, reason: reason,
      payload: payload, signature: signature)
  }
}
