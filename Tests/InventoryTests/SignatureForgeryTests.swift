import Crypto
import Foundation
import Testing

@testable import Inventory
@testable import Ledger

/// Sign-offs forged behind the program's back (SPEC I10). Each forged event is appended
/// through the ledger's own chaining, so the hash chain stays valid and only the signature
/// check can catch it.
@Suite struct SignatureForgeryTests {
  static let check = "signatures and keys (I10)"

  /// A `key.enrol` of `user`'s pending key as `actor` would record it now, and the exact
  /// message the engine signs for it.
  struct Enrolment {
    var draft: EventDraft
    var message: Data
    var keyID: Int64

    init(of user: String, by actor: String, in office: TestOffice) throws {
      let pending = try #require(try office.storedKeys(of: user).last { $0.state == .pending })
      let payload = Payload([
        ("user", user), ("key", String(pending.id)), ("publicKey", pending.publicKey.hexadecimal),
      ]).text
      let now = office.clock.now().description
      draft = EventDraft(
        subject: "key \(user)", action: "key.enrol", fromState: "pending", toState: "active",
        actorId: try office.userID(actor), recordedAt: now, payload: payload)
      message = Signing.message(
        version: Signing.version, subject: draft.subject, action: draft.action, from: "pending",
        to: "active", actor: actor, recordedAt: now, reason: nil, payload: payload)
      keyID = pending.id
    }

    /// Appends the enrolment signed as given, and activates the key in the key table as the
    /// engine would have.
    func append(
      signedBy signer: Curve25519.Signing.PrivateKey, over message: Data? = nil,
      claimingKey keyID: Int64, in office: TestOffice
    ) throws -> DocumentEventRecord {
      var forged = draft
      forged.signature = EventDraft.Signature(
        version: Signing.version, keyId: keyID,
        bytes: try signer.signature(for: message ?? self.message))
      let event = try office.appendBehindTheEnginesBack(forged)
      try office.depot.store.write { transaction in
        try transaction.setKeyState(.active, ofKey: self.keyID, at: draft.recordedAt)
      }
      return event
    }
  }

  static func activeKeyID(of user: String, in office: TestOffice) throws -> Int64 {
    try #require(try office.storedKeys(of: user).first { $0.state == .active }).id
  }

  @Test func anEnrolmentAppendedWithTheAdminsGenuineSignatureVerifies() throws {
    let office = try TestOffice()
    _ = try office.depot.generateKey(KeyGeneration(), office.context("sun"))
    let enrolment = try Enrolment(of: "sun", by: "chen", in: office)
    _ = try enrolment.append(
      signedBy: try office.privateKey(of: "chen"),
      claimingKey: try Self.activeKeyID(of: "chen", in: office), in: office)
    let report = try office.verify()
    #expect(report.ok)
    #expect(report.signatures == 7)
  }

  @Test func anEnrolmentSignedWithAnotherUsersKeyIsNamed() throws {
    let office = try TestOffice()
    _ = try office.depot.generateKey(KeyGeneration(), office.context("sun"))
    let enrolment = try Enrolment(of: "sun", by: "chen", in: office)
    let event = try enrolment.append(
      signedBy: try office.privateKey(of: "zhang"),
      claimingKey: try Self.activeKeyID(of: "chen", in: office), in: office)
    let report = try office.verify()
    #expect(report.failedChecks == [Self.check])
    #expect(
      report.problem(of: Self.check)
        == "event \(event.id): chen's signature does not match its content")
  }

  @Test func anEnrolmentInTheAdminsNameUnderAnotherUsersKeyIsNamed() throws {
    let office = try TestOffice()
    _ = try office.depot.generateKey(KeyGeneration(), office.context("sun"))
    let enrolment = try Enrolment(of: "sun", by: "chen", in: office)
    let event = try enrolment.append(
      signedBy: try office.privateKey(of: "zhang"),
      claimingKey: try Self.activeKeyID(of: "zhang", in: office), in: office)
    let report = try office.verify()
    #expect(report.failedChecks == [Self.check])
    #expect(
      report.problem(of: Self.check)
        == "event \(event.id) is signed with a key that is not chen's")
  }

  @Test func anEnrolmentSignedWithTheRightKeyOverOtherContentIsNamed() throws {
    let office = try TestOffice()
    _ = try office.depot.generateKey(KeyGeneration(), office.context("sun"))
    _ = try office.depot.generateKey(KeyGeneration(), office.context("li"))
    let meant = try Enrolment(of: "li", by: "chen", in: office)
    let stored = try Enrolment(of: "sun", by: "chen", in: office)
    let event = try stored.append(
      signedBy: try office.privateKey(of: "chen"), over: meant.message,
      claimingKey: try Self.activeKeyID(of: "chen", in: office), in: office)
    let report = try office.verify()
    #expect(report.failedChecks == [Self.check])
    #expect(
      report.problem(of: Self.check)
        == "event \(event.id): chen's signature does not match its content")
  }

  @Test func anEnrolmentSignedCorrectlyByANonAdminIsNamed() throws {
    let office = try TestOffice()
    _ = try office.depot.generateKey(KeyGeneration(), office.context("sun"))
    let enrolment = try Enrolment(of: "sun", by: "zhang", in: office)
    let event = try enrolment.append(
      signedBy: try office.privateKey(of: "zhang"),
      claimingKey: try Self.activeKeyID(of: "zhang", in: office), in: office)
    let report = try office.verify()
    #expect(report.failedChecks == [Self.check])
    #expect(
      report.problem(of: Self.check)
        == "event \(event.id): key \(enrolment.keyID) was enrolled by a non-admin")
  }

  @Test func anUnsignedEnrolmentIsNamed() throws {
    let office = try TestOffice()
    _ = try office.depot.generateKey(KeyGeneration(), office.context("sun"))
    let enrolment = try Enrolment(of: "sun", by: "chen", in: office)
    let event = try office.appendBehindTheEnginesBack(enrolment.draft)
    let report = try office.verify()
    #expect(report.failedChecks == [Self.check])
    #expect(
      report.problem(of: Self.check)
        == "event \(event.id) (key.enrol) must be signed but carries no signature")
  }

  @Test func aSignatureWithARetiredKeyIsNamed() throws {
    let office = try TestOffice()
    let oldKey = try office.privateKey(of: "chen")
    let oldKeyID = try Self.activeKeyID(of: "chen", in: office)
    _ = try office.depot.rotateKey(KeyRotation(), office.admin)
    _ = try office.depot.generateKey(KeyGeneration(), office.context("sun"))
    let enrolment = try Enrolment(of: "sun", by: "chen", in: office)
    let event = try enrolment.append(signedBy: oldKey, claimingKey: oldKeyID, in: office)
    let report = try office.verify()
    #expect(report.failedChecks == [Self.check])
    #expect(
      report.problem(of: Self.check)
        == "event \(event.id) is signed with key \(oldKeyID), which was not active then")
  }
}
