import Crypto
import Foundation
import GRDB
import Testing

@testable import Inventory
@testable import Ledger
@testable import LedgerSQLite

/// Helpers for the key, signature and verification tests: raw SQL behind the engine's back,
/// the users' keys, and what `verify` reported.
extension TestOffice {
  /// Runs SQL directly on the database, as someone with the sqlite3 shell would.
  func execute(_ sql: String, _ arguments: StatementArguments = StatementArguments()) throws {
    try sqlite.queue.write { db in try db.execute(sql: sql, arguments: arguments) }
  }

  /// Removes the append-only triggers, as a tamperer with the sqlite3 shell can.
  func dropAppendOnlyTriggers() throws {
    for trigger in [
      "movement_is_append_only_update", "movement_is_append_only_delete",
      "document_event_is_append_only_update", "document_event_is_append_only_delete",
    ] {
      try execute("DROP TRIGGER \(trigger)")
    }
  }

  /// How many events the chain holds.
  func eventCount() throws -> Int64 {
    try depot.ledgerHead(as: "audit").eventId
  }

  /// A user's keys as stored, oldest first.
  func storedKeys(of user: String) throws -> [UserKeyRecord] {
    try depot.store.read { transaction in
      let record = try transaction.user(named: user)!
      return try transaction.keys(ofUser: record.id)
    }
  }

  /// The private key a user signs with.
  func privateKey(of user: String) throws -> Curve25519.Signing.PrivateKey {
    try #require(keys[user])
  }

  /// The id of a registered user.
  func userID(_ name: String) throws -> Int64 {
    try depot.store.read { try $0.user(named: name)!.id }
  }

  /// Appends an event through the ledger's own chaining, so the hash chain stays valid and
  /// only the signature check can catch what is wrong with it.
  @discardableResult
  func appendBehindTheEnginesBack(_ draft: EventDraft) throws -> DocumentEventRecord {
    try depot.store.write { try $0.appendEvent(draft) }
  }
}

extension VerificationReport {
  /// The names of the checks that failed.
  var failedChecks: [String] {
    checks.filter { !$0.ok }.map(\.name)
  }

  /// The problem one check found, if it failed.
  func problem(of name: String) -> String? {
    checks.first { $0.name == name }?.problem
  }
}

/// The permission bits of a file or folder.
func permissions(of path: String) throws -> Int {
  let attributes = try FileManager.default.attributesOfItem(atPath: path)
  return (attributes[.posixPermissions] as? NSNumber)?.intValue ?? -1
}

/// A temporary folder, removed when the test lets go of it.
final class TemporaryFolder {
  let path: String

  init() throws {
    path = NSTemporaryDirectory() + "depot-trust-" + UUID().uuidString
    try FileManager.default.createDirectory(
      atPath: path, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
  }

  deinit {
    try? FileManager.default.removeItem(atPath: path)
  }

  func file(_ name: String) -> String { "\(path)/\(name)" }
}

extension TestOffice {
  /// Adds a user without any key (the key tests' newcomer).
  func addKeylessUser(_ name: String, roles: [Role] = [.finance]) throws {
    _ = try depot.changeUser(UserChange(.add, name: name, roles: roles), admin)
  }

  /// Generates a key for `user`, keeps it under `name` (default: the user's own key) once it
  /// is registered, as the command line keeps it in a key file, and returns its fingerprint.
  @discardableResult
  func generate(
    _ user: String, as name: String? = nil, label: String? = nil, ref: String? = nil
  ) throws -> String {
    let key = Curve25519.Signing.PrivateKey()
    let summary = try depot.generateKey(
      KeyGeneration(label: label),
      WriteContext(actor: user, reference: ref, signer: MemorySigner(key)))
    if summary.lists(key.publicKey) { keys[name ?? user] = key }
    return summary.fingerprint ?? ""
  }

  /// `user` rotates the key kept under `name` (default: the user's own key) to a new one,
  /// kept in its place once it is registered.
  @discardableResult
  func rotate(_ user: String, key name: String? = nil, ref: String? = nil) throws -> KeySummary {
    let key = Curve25519.Signing.PrivateKey()
    let summary = try depot.rotateKey(
      KeyRotation(newKey: key.publicKey),
      WriteContext(actor: user, reference: ref, signer: signer(name ?? user)))
    if summary.lists(key.publicKey) { keys[name ?? user] = key }
    return summary
  }

  /// The admin enrols `user`'s key with this fingerprint.
  @discardableResult
  func enrol(_ user: String, _ fingerprint: String) throws -> KeySummary {
    try depot.enrolKey(KeyEnrolment(user: user, fingerprint: fingerprint), admin)
  }

  /// A small write that `user` (a clerk) signs with the key kept under `name`.
  @discardableResult
  func signedDonation(by user: String = "wang", key name: String) throws -> PostedDocument {
    try signedDonation(by: user, signer: signer(name))
  }

  /// A small write that `user` (a clerk) signs with `signer`.
  @discardableResult
  func signedDonation(by user: String = "wang", signer: (any EnvelopeSigner)?) throws
    -> PostedDocument
  {
    try depot.receive(
      ReceiptRequest(
        isDonation: true, source: "DON-RC", warehouse: "WH-CENTRAL", item: "GLOVE",
        quantity: QuantityAmount(digits: 10), value: 0),
      WriteContext(actor: user, signer: signer))
  }

  /// The key states of a user, as `key show` reports them.
  func keyStates(of user: String) throws -> [String] {
    try depot.keys(of: user, as: "audit").keys.map(\.state)
  }

  /// How many envelopes the office holds.
  func envelopeCount() throws -> Int {
    try depot.store.read { transaction in
      var count = 0
      try transaction.forEachEnvelope { _ in count += 1 }
      return count
    }
  }
}

/// The SHA-256 fingerprint of a private key's public key.
func fingerprintOf(_ key: Curve25519.Signing.PrivateKey) -> String {
  Data(SHA256.hash(data: key.publicKey.rawRepresentation)).hexadecimal
}
