import Foundation
import Ledger

/// Replays the event chain to rebuild who held which roles and keys at every point, and
/// checks every signature against the key that was enrolled for its signer at that time:
/// each envelope's (every write since envelopes began), and before that each signed event's.
///
/// Only the chain is trusted, not the mutable user, role and key tables: those are compared
/// with what the chain says at the end.
struct ChainAudit {
  /// The events written before envelopes began, which carry signatures of their own.
  let legacyEvents: Int64
  /// The office's code, which every envelope must name.
  let office: String
  /// The envelope being followed, with what held when it began.
  private var open: (envelope: EnvelopeRecord, roles: Set<String>, keys: [Int64: KeyState])?

  private struct KeyState {
    var userID: Int64
    var publicKey: Data
    var state: UserKeyRecord.State
  }

  private var names: [Int64: String] = [:]
  private var roles: [Int64: Set<String>] = [:]
  private var sites: [Int64: Set<String>] = [:]
  private var keys: [Int64: KeyState] = [:]
  private(set) var signatures: Int64 = 0
  private var structuralProblem: (id: Int64, sentence: String)?
  private var signatureProblem: (id: Int64, sentence: String)?
  /// Signatures waiting to be checked in parallel, so that verify keeps pace with the chain.
  private var pending: [PendingSignature] = []

  /// The first problem found, by event id; read it after `finish()`.
  var problem: (id: Int64, sentence: String)? {
    [structuralProblem, signatureProblem].compactMap { $0 }.min { $0.id < $1.id }
  }

  /// The actions whose payload changes who may sign what.
  private static let trustActions: Set<String> = [
    "office.init", "user.add", "user.grant", "key.register", "key.enrol", "key.rotate",
    "key.revoke", "user.set", "user.revoke",
  ]

  init(legacyEvents: Int64, office: String) {
    self.legacyEvents = legacyEvents
    self.office = office
  }

  /// Begins an envelope: what it may do is judged by the roles and keys held before it.
  mutating func enter(_ envelope: EnvelopeRecord) {
    closeEnvelope()
    open = (envelope, roles[envelope.actorId] ?? [], keys)
  }

  /// Judges the open envelope once its events are applied: its key was the actor's active key
  /// when it began (or is the key it registered itself, or the office's first key), the actor
  /// held one of the roles it needed, and the signature verifies.
  private mutating func closeEnvelope() {
    guard let (envelope, heldRoles, keysBefore) = open, structuralProblem == nil else { return }
    open = nil
    let id = envelope.events.first
    func failEnvelope(_ sentence: String) {
      if structuralProblem == nil {
        structuralProblem = (id, "envelope \(envelope.id) " + sentence)
      }
    }
    guard let actor = names[envelope.actorId] else {
      return failEnvelope("names an actor who was never added")
    }
    guard envelope.office == office else {
      return failEnvelope("was signed for office '\(envelope.office)', not this office")
    }
    let before = keysBefore[envelope.keyId]
    let after = keys[envelope.keyId]
    let selfSigned =
      before == nil && after?.userID == envelope.actorId
      && ((envelope.useCase == "key generate" && after?.state != nil)
        || (envelope.useCase == "init" && keysBefore.isEmpty))
    guard (before?.state == .active && before?.userID == envelope.actorId) || selfSigned,
      let key = after ?? before
    else {
      return failEnvelope(
        "(\(envelope.useCase) by \(actor)) is signed with key \(envelope.keyId), "
          + "which was not \(actor)'s active key then")
    }
    let needed = Set(envelope.roles.split(separator: ",").map(String.init))
    guard UseCasePolicy.admits(envelope.useCase, claimed: needed) else {
      let allowed = (UseCasePolicy.roles[envelope.useCase] ?? []).map(\.rawValue).sorted()
      return failEnvelope(
        "(\(envelope.useCase) by \(actor)) claims the role "
          + (needed.isEmpty ? "of anyone" : needed.sorted().joined(separator: " or "))
          + (UseCasePolicy.roles[envelope.useCase] == nil
            ? ", but this version knows no such command"
            : ", but it needs " + (allowed.isEmpty ? "none" : allowed.joined(separator: " or "))))
    }
    guard needed.isEmpty || !needed.isDisjoint(with: heldRoles) || envelope.useCase == "init" else {
      return failEnvelope(
        "(\(envelope.useCase) by \(actor)) needs the role "
          + needed.sorted().joined(separator: " or ") + ", which \(actor) did not hold then")
    }
    signatures += 1
    let message = Envelope.message(
      office: envelope.office, actor: actor, fingerprint: fingerprint(of: key.publicKey),
      useCase: envelope.useCase, inputs: envelope.inputs, roles: envelope.roles,
      baseHash: envelope.baseHash, signedAt: envelope.signedAt, nonce: envelope.nonce,
      written: WrittenRanges(
        movements: envelope.movements, events: envelope.events, images: envelope.images))
    pending.append(
      PendingSignature(
        eventID: id, signer: actor, message: message, signature: envelope.signature,
        publicKey: key.publicKey))
    if pending.count >= 4096 { checkPendingSignatures() }
  }

  /// Follows one event; stops at the first problem.
  mutating func follow(_ event: DocumentEventRecord) {
    guard structuralProblem == nil else { return }
    let payload =
      Self.trustActions.contains(event.action) ? Payload(parsing: event.payload) : Payload()
    switch event.action {
    case "office.init":
      names[event.actorId] = payload["admin"]
    case "user.add":
      if let id = payload["id"].flatMap({ Int64($0) }) { names[id] = payload["user"] }
    default:
      break
    }
    if event.action == "user.add" || event.action == "user.grant",
      let id = names.first(where: { $0.value == payload["user"] })?.key
    {
      roles[id, default: []].formUnion(
        (payload["roles"] ?? "").split(separator: ",").map(String.init))
      sites[id, default: []].formUnion(
        (payload["sites"] ?? "").split(separator: ",").map(String.init))
    }
    applyUserChange(event, payload: payload)
    guard let actor = names[event.actorId] else {
      fail(event, "event \(event.id) names an actor who was never added")
      return
    }
    if event.id > legacyEvents {
      guard let envelope = open?.envelope, envelope.actorId == event.actorId else {
        return fail(event, "event \(event.id) is not its envelope's actor's")
      }
      applyKeyChange(event, payload: payload, envelope: envelope)
      return
    }
    if let signature = event.signature, let keyID = event.keyId,
      let version = event.signatureVersion
    {
      checkSignature(
        event, payload: payload, actor: actor, keyID: keyID, version: version, signature: signature)
    } else if Signing.legacyRequiredActions.contains(event.action) {
      fail(event, "event \(event.id) (\(event.action)) must be signed but carries no signature")
    }
  }

  private mutating func checkSignature(
    _ event: DocumentEventRecord, payload: Payload, actor: String, keyID: Int64, version: Int,
    signature: Data
  ) {
    signatures += 1
    let newKeyID = payload["key"].flatMap { Int64($0) }
    let newPublicKey = payload["publicKey"].flatMap { Data(hexadecimal: $0) }
    var signingKey = keys[keyID]
    switch event.action {
    case "key.register":
      guard let newKeyID, let newPublicKey, newKeyID == keyID else {
        return fail(event, "event \(event.id) registers a key it was not signed with")
      }
      signingKey = KeyState(userID: event.actorId, publicKey: newPublicKey, state: .pending)
      keys[newKeyID] = signingKey
    case "key.enrol" where keys.isEmpty:
      guard let newKeyID, let newPublicKey, newKeyID == keyID else {
        return fail(event, "event \(event.id): the office's first key is not self-enrolled")
      }
      signingKey = KeyState(userID: event.actorId, publicKey: newPublicKey, state: .active)
      keys[newKeyID] = signingKey
    default:
      guard signingKey?.state == .active else {
        return fail(
          event, "event \(event.id) is signed with key \(keyID), which was not active then")
      }
    }
    guard let key = signingKey, key.userID == event.actorId else {
      return fail(event, "event \(event.id) is signed with a key that is not \(actor)'s")
    }
    let message = Signing.legacyMessage(
      version: version, subject: event.subject, action: event.action, from: event.fromState,
      to: event.toState, actor: actor, recordedAt: event.recordedAt.description,
      reason: event.reason,
      payload: event.payload)
    pending.append(
      PendingSignature(
        eventID: event.id, signer: actor, message: message, signature: signature,
        publicKey: key.publicKey))
    if pending.count >= 4096 { checkPendingSignatures() }
    applyLegacyKeyChange(event, payload: payload)
  }

  /// Closes the last envelope and checks every signature not yet checked.
  mutating func finish() {
    closeEnvelope()
    checkPendingSignatures()
  }

  private mutating func checkPendingSignatures() {
    guard !pending.isEmpty else { return }
    let batch = pending
    pending.removeAll(keepingCapacity: true)
    var valid = [Bool](repeating: false, count: batch.count)
    let lanes = max(1, ProcessInfo.processInfo.activeProcessorCount)
    valid.withUnsafeMutableBufferPointer { results in
      let results = UnsafeSendableBuffer(results)
      DispatchQueue.concurrentPerform(iterations: lanes) { lane in
        for index in stride(from: lane, to: batch.count, by: lanes) {
          let entry = batch[index]
          results.buffer[index] = Signing.isValid(
            signature: entry.signature, of: entry.message, publicKey: entry.publicKey)
        }
      }
    }
    if let index = valid.firstIndex(of: false), signatureProblem == nil {
      let entry = batch[index]
      signatureProblem = (
        entry.eventID,
        "event \(entry.eventID): \(entry.signer)'s signature does not match its content"
      )
    }
  }

  /// A key change of an envelope's event: registration (pending, superseding the oldest
  /// pending key past the limit), enrolment by an admin, rotation of one device's key, and
  /// revocation by an admin or the key's owner.
  private mutating func applyKeyChange(
    _ event: DocumentEventRecord, payload: Payload, envelope: EnvelopeRecord
  ) {
    guard event.action.hasPrefix("key."), let keyID = payload["key"].flatMap({ Int64($0) })
    else { return }
    let publicKey = payload["publicKey"].flatMap { Data(hexadecimal: $0) }
    let isAdmin = open?.roles.contains("admin") == true
    switch event.action {
    case "key.register":
      guard let publicKey, envelope.keyId == keyID else {
        return fail(event, "event \(event.id) registers a key it was not signed with")
      }
      if let superseded = payload["supersedes"].flatMap({ Int64($0) }) {
        keys[superseded]?.state = .retired
      }
      keys[keyID] = KeyState(userID: event.actorId, publicKey: publicKey, state: .pending)
    case "key.enrol":
      guard let publicKey else { return fail(event, "event \(event.id) enrols no key") }
      if keys.isEmpty, envelope.useCase == "init" {
        keys[keyID] = KeyState(userID: event.actorId, publicKey: publicKey, state: .active)
        return
      }
      guard isAdmin else {
        return fail(event, "event \(event.id): key \(keyID) was enrolled by a non-admin")
      }
      guard keys[keyID]?.state == .pending, keys[keyID]?.publicKey == publicKey else {
        return fail(event, "event \(event.id) enrols key \(keyID), which was not pending")
      }
      keys[keyID]?.state = .active
    case "key.rotate":
      guard let publicKey, let previous = payload["previous"].flatMap({ Int64($0) }),
        previous == envelope.keyId
      else { return fail(event, "event \(event.id) rotates a key it was not signed with") }
      keys[previous]?.state = .retired
      keys[keyID] = KeyState(userID: event.actorId, publicKey: publicKey, state: .active)
    case "key.revoke":
      guard isAdmin || keys[keyID]?.userID == event.actorId else {
        return fail(event, "event \(event.id): key \(keyID) was revoked by a non-admin")
      }
      keys[keyID]?.state = .retired
    default:
      break
    }
  }

  /// A change of who holds which roles and sites (SPEC §10): `user set` binds and unbinds
  /// sites, `user revoke` takes roles away.
  private mutating func applyUserChange(_ event: DocumentEventRecord, payload: Payload) {
    guard event.action == "user.set" || event.action == "user.revoke",
      let id = names.first(where: { $0.value == payload["user"] })?.key
    else { return }
    func list(_ name: String) -> [String] {
      (payload[name] ?? "").split(separator: ",").map(String.init)
    }
    if event.action == "user.revoke" {
      roles[id, default: []].subtract(list("roles"))
    } else {
      sites[id, default: []].formUnion(list("bind"))
      sites[id, default: []].subtract(list("unbind"))
    }
  }

  /// A key change of a format-1 event, as format 1 made them: one active key per user.
  private mutating func applyLegacyKeyChange(_ event: DocumentEventRecord, payload: Payload) {
    guard let newKeyID = payload["key"].flatMap({ Int64($0) }) else { return }
    switch event.action {
    case "key.enrol":
      guard roles[event.actorId]?.contains("admin") == true else {
        return fail(event, "event \(event.id): key \(newKeyID) was enrolled by a non-admin")
      }
      guard let owner = keys[newKeyID]?.userID else {
        return fail(event, "event \(event.id) enrols key \(newKeyID), which was never registered")
      }
      retireActiveKeys(of: owner)
      keys[newKeyID]?.state = .active
    case "key.rotate":
      guard let newPublicKey = payload["publicKey"].flatMap({ Data(hexadecimal: $0) }) else {
        return fail(event, "event \(event.id) rotates to a key it does not name")
      }
      retireActiveKeys(of: event.actorId)
      keys[newKeyID] = KeyState(userID: event.actorId, publicKey: newPublicKey, state: .active)
    default:
      break
    }
  }

  private mutating func retireActiveKeys(of userID: Int64) {
    for (id, key) in keys where key.userID == userID && key.state == .active {
      keys[id]?.state = .retired
    }
  }

  /// Compares the user, role, site and key tables with what the chain says.
  mutating func compare(
    users: [(user: UserRecord, roles: [String], sites: [String])], keys stored: [UserKeyRecord]
  ) {
    guard structuralProblem == nil else { return }
    for (user, userRoles, userSites) in users {
      guard names[user.id] == user.name, roles[user.id, default: []] == Set(userRoles),
        sites[user.id, default: []] == Set(userSites)
      else {
        structuralProblem = (
          user.id,
          "user \(user.id) (\(user.name)) in the user, role or site tables differs from its "
            + "recorded history"
        )
        return
      }
    }
    for record in stored {
      guard let key = keys[record.id], key.userID == record.userId,
        key.publicKey == record.publicKey, key.state == record.state
      else {
        structuralProblem = (
          record.id, "key \(record.id) in the key table differs from its signed history"
        )
        return
      }
    }
    if let missing = keys.keys.sorted().first(where: { id in !stored.contains { $0.id == id } }) {
      structuralProblem = (
        missing, "key \(missing) of the signed history is missing from the key table"
      )
    }
  }

  private mutating func fail(_ event: DocumentEventRecord, _ sentence: String) {
    if structuralProblem == nil { structuralProblem = (event.id, sentence) }
  }
}

/// A signature to check, with what it signs and the key that must have made it.
private struct PendingSignature: Sendable {
  var eventID: Int64
  var signer: String
  var message: Data
  var signature: Data
  var publicKey: Data
}

/// A result buffer that parallel lanes write to, each at its own indices.
private struct UnsafeSendableBuffer: @unchecked Sendable {
  let buffer: UnsafeMutableBufferPointer<Bool>

  init(_ buffer: UnsafeMutableBufferPointer<Bool>) {
    self.buffer = buffer
  }
}

extension Data {
  /// Reads lower- or upper-case hexadecimal digits; nil if any pair is not one.
  init?(hexadecimal text: String) {
    let digits = Array(text.utf8)
    guard digits.count % 2 == 0 else { return nil }
    var bytes = [UInt8]()
    bytes.reserveCapacity(digits.count / 2)
    for index in stride(from: 0, to: digits.count, by: 2) {
      guard let pair = UInt8(String(decoding: digits[index...index + 1], as: UTF8.self), radix: 16)
      else { return nil }
      bytes.append(pair)
    }
    self.init(bytes)
  }
}
