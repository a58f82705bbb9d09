import Crypto
import Foundation
import Ledger

/// The one signing path of every write (SPEC §7): `seal` resolves what the write wrote into
/// its envelope, has the actor's signer sign it, verifies the signature against the actor's
/// enrolled key and stores it, all inside the write's transaction.
enum Signing {
  /// Format 1 signed single events; the actions it required signatures for, which `verify`
  /// still checks on the rows written before envelopes began.
  static let legacyRequiredActions: Set<String> = [
    "key.register", "key.enrol", "key.rotate", "issue.approve", "issue.reject", "issue.cancel",
    "issue.close", "writeoff.request", "adjust.approve", "adjust.reject", "manifest.handover",
    "waste.handover", "manifest.resolve", "lot.recall", "purchase.approve", "purchase.reject",
    "purchase.cancel", "order.emergency", "order.close", "order.cancel", "receipt.emergency",
  ]

  /// How far a signed time may lie from the office's clock, either way.
  static let allowedSkew: Int64 = 300_000

  /// The exact bytes a format-1 event signature signed.
  static func legacyMessage(
    version: Int, subject: String, action: String, from: String?, to: String?, actor: String,
    recordedAt: String, reason: String?, payload: String
  ) -> Data {
    let fields: [(String, String?)] = [
      ("subject", subject), ("action", action), ("from", from), ("to", to), ("actor", actor),
      ("recorded", recordedAt), ("reason", reason), ("payload", payload),
    ]
    return Data(("depot.signature.v\(version)\n" + Payload(fields).text).utf8)
  }

  /// Signs and stores the envelope of everything written since `position` with `key`, as it
  /// stood before the write.
  static func seal(
    _ session: Session, since position: WritePosition, useCase: String, inputs: String,
    roles: [Role], signer: any EnvelopeSigner, key: UserKeyRecord
  ) throws {
    let transaction = session.transaction
    let written = try transaction.written(since: position)
    let base = try transaction.documentsWritten(since: position).first.flatMap {
      try transaction.latestEventHash(ofDocument: $0, before: position)
    }
    var generator = SystemRandomNumberGenerator()
    let nonce = Data((0..<16).map { _ in UInt8.random(in: .min ... .max, using: &generator) })
    let envelope = Envelope(
      office: try transaction.officeCode(), actor: session.actor.name,
      fingerprint: fingerprint(of: key.publicKey), useCase: useCase, inputs: inputs,
      roles: roles, baseHash: base, signedAt: session.now, nonce: nonce,
      written: written)
    try commit(envelope, signature: signer.sign(envelope.message), key: key, session)
  }

  /// Verifies a signed envelope against the key it names and stores it: refused if the
  /// signature does not verify, the time is stale or the nonce was used before.
  static func commit(
    _ envelope: Envelope, signature: Data, key: UserKeyRecord, _ session: Session
  ) throws {
    guard isValid(signature: signature, of: envelope.message, publicKey: key.publicKey) else {
      throw DepotError.signatureInvalid(user: session.actor.name)
    }
    let skew = envelope.signedAt.milliseconds - session.now.milliseconds
    guard abs(skew) <= allowedSkew else {
      throw DepotError.signatureStale(user: session.actor.name, seconds: skew / 1000)
    }
    guard try !session.transaction.nonceUsed(envelope.nonce) else {
      throw DepotError.nonceReused(user: session.actor.name)
    }
    try session.transaction.insertEnvelope(
      EnvelopeRecord(
        version: Envelope.version, office: envelope.office, actorId: session.actor.id,
        keyId: key.id, useCase: envelope.useCase, inputs: envelope.inputs,
        roles: envelope.roles.map(\.rawValue).joined(separator: ","),
        baseHash: envelope.baseHash, signedAt: envelope.signedAt, nonce: envelope.nonce,
        written: envelope.written, signature: signature))
  }

  /// The key a self-signed write registered: pending, the actor's, and not among `earlier`
  /// (a key's registration is signed by itself: proof of possession).
  static func registeredKey(of session: Session, publicKey: Data, earlier: Set<Int64>) throws
    -> UserKeyRecord
  {
    guard
      let key = try session.transaction.keys(ofUser: session.actor.id).first(where: {
        $0.publicKey == publicKey && $0.state == .pending && !earlier.contains($0.id)
      })
    else { throw DepotError.keyNotEnrolled(user: session.actor.name) }
    return key
  }

  /// The actor's active key that `publicKey` is.
  static func signingKey(of session: Session, publicKey: Data, signer: any EnvelopeSigner) throws
    -> UserKeyRecord
  {
    let user = session.actor.name
    let keys = try session.transaction.keys(ofUser: session.actor.id)
    guard let key = keys.first(where: { $0.publicKey == publicKey }) else {
      if keys.contains(where: { $0.state == .active }) {
        throw DepotError.keyMismatch(user: user, path: signer.keyLocation)
      }
      if keys.contains(where: { $0.state == .pending }) { throw DepotError.keyPending(user: user) }
      throw DepotError.keyNotEnrolled(user: user)
    }
    switch key.state {
    case .active:
      return key
    case .pending:
      throw DepotError.keyPending(user: user)
    case .retired:
      throw DepotError.keyRevoked(user: user, fingerprint: fingerprint(of: key.publicKey))
    }
  }

  /// Whether `signature` over `bytes` verifies against a raw Ed25519 public key.
  static func isValid(signature: Data, of bytes: Data, publicKey: Data) -> Bool {
    guard let key = try? Curve25519.Signing.PublicKey(rawRepresentation: publicKey) else {
      return false
    }
    return key.isValidSignature(signature, for: bytes)
  }
}
