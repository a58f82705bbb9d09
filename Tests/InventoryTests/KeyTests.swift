import Crypto
import Foundation
import Testing

@testable import Inventory

/// Keys (SPEC §7): self-signed pending registration, enrolment of exactly the fingerprint its
/// owner reads out, several devices, revocation, rotation, and refusals of bad key files.
@Suite struct KeyTests {
  @Test func generationRegistersAPendingKeyAndGivesItsWholeFingerprint() throws {
    let office = try TestOffice()
    try office.addKeylessUser("ma")
    let fingerprint = try office.generate("ma", label: "phone")
    let key = try office.privateKey(of: "ma")
    #expect(fingerprint == fingerprintOf(key))
    #expect(fingerprint.count == 64)
    #expect(try office.keyStates(of: "ma") == ["pending"])
    #expect(try office.depot.keys(of: "ma", as: "audit").keys.map(\.label) == ["phone"])
    #expect(try office.verify().ok)
  }

  @Test func enrolmentActivatesExactlyTheKeyWithThatFingerprint() throws {
    let office = try TestOffice()
    try office.addKeylessUser("ma")
    let first = try office.generate("ma")
    let second = try office.generate("ma", as: "ma-phone")
    try office.enrol("ma", groupedFingerprint(second))
    #expect(try office.keyStates(of: "ma") == ["pending", "active"])
    #expect(first != second)
    #expect(try office.verify().ok)
  }

  @Test func aPrefixOrAnotherFingerprintIsRefusedAndNothingIsWritten() throws {
    let office = try TestOffice()
    try office.addKeylessUser("ma")
    let fingerprint = try office.generate("ma")
    let events = try office.eventCount()
    #expect(throws: DepotError.fingerprintIncomplete(given: String(fingerprint.prefix(16)))) {
      try office.enrol("ma", String(fingerprint.prefix(16)))
    }
    let other = String(repeating: "ab", count: 32)
    #expect(throws: DepotError.fingerprintUnknown(user: "ma", fingerprint: other)) {
      try office.enrol("ma", other)
    }
    #expect(try office.eventCount() == events)
    #expect(try office.keyStates(of: "ma") == ["pending"])
  }

  /// The key hijack of issue 12: someone registers a key in another user's name; it never
  /// blocks the owner's own key, and it signs nothing unless an admin enrols its fingerprint.
  @Test func aKeyRegisteredInSomeoneElsesNameBlocksNothingAndSignsNothing() throws {
    let office = try TestOffice()
    try office.addKeylessUser("ma", roles: [.clerk])
    try office.generate("ma", as: "forged")
    let own = try office.generate("ma")
    try office.enrol("ma", own)
    #expect(try office.keyStates(of: "ma") == ["pending", "active"])
    #expect(throws: DepotError.keyPending(user: "ma")) {
      try office.signedDonation(by: "ma", key: "forged")
    }
  }

  @Test func aFourthPendingKeySupersedesTheOldest() throws {
    let office = try TestOffice()
    try office.addKeylessUser("ma")
    var fingerprints: [String] = []
    for index in 0..<4 {
      fingerprints.append(try office.generate("ma", as: "ma-\(index)"))
    }
    #expect(try office.keyStates(of: "ma") == ["retired", "pending", "pending", "pending"])
    #expect(throws: DepotError.fingerprintUnknown(user: "ma", fingerprint: fingerprints[0])) {
      try office.enrol("ma", fingerprints[0])
    }
    try office.enrol("ma", fingerprints[3])
    #expect(try office.verify().ok)
  }

  @Test func aPendingKeyExpiresAfterSevenDays() throws {
    let office = try TestOffice()
    try office.addKeylessUser("ma")
    let fingerprint = try office.generate("ma")
    office.clock.advance(hours: 7 * 24 + 1)
    #expect(try office.keyStates(of: "ma") == ["expired"])
    #expect(throws: DepotError.pendingKeyExpired(user: "ma", fingerprint: fingerprint)) {
      try office.enrol("ma", fingerprint)
    }
  }

  @Test func aUserMayHoldSeveralActiveKeysAndRevokeOne() throws {
    let office = try TestOffice()
    let fingerprint = try office.generate("wang", as: "wang-phone", label: "phone")
    try office.enrol("wang", fingerprint)
    #expect(try office.keyStates(of: "wang") == ["active", "active"])
    try office.signedDonation(key: "wang-phone")
    try office.signedDonation(key: "wang")
    _ = try office.depot.revokeKey(
      KeyRevocation(user: "wang", fingerprint: fingerprint), office.admin)
    #expect(try office.keyStates(of: "wang") == ["active", "revoked"])
    #expect(throws: DepotError.keyRevoked(user: "wang", fingerprint: fingerprint)) {
      try office.signedDonation(key: "wang-phone")
    }
    try office.signedDonation(key: "wang")
    #expect(try office.verify().ok)
  }

  @Test func onlyAnAdminOrTheOwnerRevokesAndTheLastAdminKeyStays() throws {
    let office = try TestOffice()
    let zhangs = fingerprintOf(try office.privateKey(of: "zhang"))
    #expect(
      throws: DepotError.missingRole(
        user: "wang", action: "revoke others' keys", roles: [.admin])
    ) {
      try office.depot.revokeKey(
        KeyRevocation(user: "zhang", fingerprint: zhangs), office.context("wang"))
    }
    let chens = fingerprintOf(try office.privateKey(of: "chen"))
    #expect(throws: DepotError.lastAdminKey(user: "chen")) {
      try office.depot.revokeKey(KeyRevocation(user: "chen", fingerprint: chens), office.admin)
    }
    _ = try office.depot.revokeKey(
      KeyRevocation(user: "zhang", fingerprint: zhangs), office.context("zhang"))
    #expect(try office.keyStates(of: "zhang") == ["revoked"])
  }

  @Test func rotationReplacesTheDevicesKeyAndTheOldOneSignsNothing() throws {
    let office = try TestOffice()
    let old = try office.privateKey(of: "wang")
    office.keys["wang-old"] = old
    let summary = try office.rotate("wang")
    #expect(try office.keyStates(of: "wang") == ["retired", "active"])
    #expect(summary.fingerprint == fingerprintOf(try office.privateKey(of: "wang")))
    #expect(throws: DepotError.keyRevoked(user: "wang", fingerprint: fingerprintOf(old))) {
      try office.signedDonation(key: "wang-old")
    }
    try office.signedDonation(key: "wang")
    #expect(try office.verify().ok)
  }

  @Test func retriedKeyCommandsReportTheFirstResult() throws {
    let office = try TestOffice()
    let first = try office.rotate("zhang", ref: "rotate-1")
    let rotated = try office.privateKey(of: "zhang").rawRepresentation
    #expect(try office.rotate("zhang", ref: "rotate-1") == first)
    #expect(try office.privateKey(of: "zhang").rawRepresentation == rotated)
    #expect(try office.keyStates(of: "zhang") == ["retired", "active"])
    try office.addKeylessUser("ma")
    let generated = try office.generate("ma", ref: "gen-1")
    let kept = try office.privateKey(of: "ma")
    #expect(try office.generate("ma", ref: "gen-1") == generated)
    #expect(try office.privateKey(of: "ma").rawRepresentation == kept.rawRepresentation)
    #expect(try office.keyStates(of: "ma") == ["pending"])
    #expect(try office.verify().ok)
  }

  /// Key files are the command line's: their refusals are in DepotCLITests' FileRefusalTests.
  @Test func aMissingOrForeignSignerSignsNothing() throws {
    let office = try TestOffice()
    let events = try office.eventCount()
    #expect(throws: DepotError.keyFileMissing(user: "wang", path: nil)) {
      try office.signedDonation(signer: nil)
    }
    #expect(throws: DepotError.keyMismatch(user: "wang", path: "the signer")) {
      try office.signedDonation(key: "zhang")
    }
    #expect(try office.eventCount() == events)
  }

  @Test func aUserWithoutAnEnrolledKeyCannotWrite() throws {
    let office = try TestOffice()
    try office.addKeylessUser("ma", roles: [.clerk])
    #expect(throws: DepotError.keyNotEnrolled(user: "ma")) {
      try office.signedDonation(by: "ma", signer: MemorySigner(Curve25519.Signing.PrivateKey()))
    }
  }
}
