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
    let second = try office.generate("ma", at: office.keyFolder + "/ma-phone.key")
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
    let forged = office.keyFolder + "/forged.key"
    try office.generate("ma", at: forged)
    let own = try office.generate("ma")
    try office.enrol("ma", own)
    #expect(try office.keyStates(of: "ma") == ["pending", "active"])
    #expect(throws: DepotError.keyPending(user: "ma")) {
      try office.signedDonation(by: "ma", keyPath: forged)
    }
  }

  @Test func aFourthPendingKeySupersedesTheOldest() throws {
    let office = try TestOffice()
    try office.addKeylessUser("ma")
    var fingerprints: [String] = []
    for index in 0..<4 {
      fingerprints.append(try office.generate("ma", at: office.keyFolder + "/ma-\(index).key"))
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
    let phone = office.keyFolder + "/wang-phone.key"
    let fingerprint = try office.generate("wang", at: phone, label: "phone")
    try office.enrol("wang", fingerprint)
    #expect(try office.keyStates(of: "wang") == ["active", "active"])
    try office.signedDonation(keyPath: phone)
    try office.signedDonation(keyPath: office.keyPath("wang"))
    _ = try office.depot.revokeKey(
      KeyRevocation(user: "wang", fingerprint: fingerprint), office.admin)
    #expect(try office.keyStates(of: "wang") == ["active", "revoked"])
    #expect(throws: DepotError.keyRevoked(user: "wang", fingerprint: fingerprint)) {
      try office.signedDonation(keyPath: phone)
    }
    try office.signedDonation(keyPath: office.keyPath("wang"))
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
    let copy = office.keyFolder + "/wang-old.key"
    try KeyFile.write(old, user: "wang", path: copy)
    let summary = try office.depot.rotateKey(KeyRotation(), office.context("wang"))
    #expect(try office.keyStates(of: "wang") == ["retired", "active"])
    #expect(summary.fingerprint == fingerprintOf(try office.privateKey(of: "wang")))
    #expect(throws: DepotError.keyRevoked(user: "wang", fingerprint: fingerprintOf(old))) {
      try office.signedDonation(keyPath: copy)
    }
    try office.signedDonation(keyPath: office.keyPath("wang"))
    #expect(try office.verify().ok)
  }

  @Test func retriedKeyCommandsReportTheFirstResult() throws {
    let office = try TestOffice()
    let context = office.context("zhang", ref: "rotate-1")
    let first = try office.depot.rotateKey(KeyRotation(), context)
    #expect(try office.depot.rotateKey(KeyRotation(), context) == first)
    #expect(try office.keyStates(of: "zhang") == ["retired", "active"])
    try office.addKeylessUser("ma")
    let generation = WriteContext(actor: "ma", reference: "gen-1", keyPath: office.keyPath("ma"))
    let generated = try office.depot.generateKey(KeyGeneration(), generation)
    #expect(try office.depot.generateKey(KeyGeneration(), generation) == generated)
    #expect(try office.keyStates(of: "ma") == ["pending"])
    #expect(try office.verify().ok)
  }

  @Test(arguments: [0o644, 0o640, 0o604, 0o660, 0o610])
  func aKeyFileReadableByOthersSignsNothing(mode: Int) throws {
    let office = try TestOffice()
    let events = try office.eventCount()
    try FileManager.default.setAttributes(
      [.posixPermissions: mode], ofItemAtPath: office.keyPath("wang"))
    let shown = "0" + String(mode, radix: 8)
    #expect(throws: DepotError.keyFileTooOpen(path: office.keyPath("wang"), mode: shown)) {
      try office.signedDonation(keyPath: office.keyPath("wang"))
    }
    #expect(try office.eventCount() == events)
    #expect(DepotError.keyFileTooOpen(path: "x", mode: shown).category == .notPermitted)
  }

  @Test func aMissingForeignOrGarbledKeyFileSignsNothing() throws {
    let office = try TestOffice()
    let events = try office.eventCount()
    let missing = office.keyFolder + "/nobody.key"
    #expect(throws: DepotError.keyFileMissing(user: "wang", path: missing)) {
      try office.signedDonation(keyPath: missing)
    }
    #expect(throws: DepotError.keyMismatch(user: "wang", path: office.keyPath("zhang"))) {
      try office.signedDonation(keyPath: office.keyPath("zhang"))
    }
    let garbled = office.keyFolder + "/garbled.key"
    #expect(
      FileManager.default.createFile(
        atPath: garbled, contents: Data("not a key\n".utf8),
        attributes: [.posixPermissions: 0o600]))
    #expect(throws: DepotError.keyFileUnreadable(path: garbled)) {
      try office.signedDonation(keyPath: garbled)
    }
    #expect(throws: DepotError.keyFileMissing(user: "wang", path: nil)) {
      try office.depot.receive(
        ReceiptRequest(
          isDonation: true, source: "DON-RC", warehouse: "WH-CENTRAL", item: "GLOVE",
          quantity: QuantityAmount(digits: 10), value: 0), WriteContext(actor: "wang"))
    }
    #expect(try office.eventCount() == events)
  }

  @Test func aUserWithoutAnEnrolledKeyCannotWrite() throws {
    let office = try TestOffice()
    try office.addKeylessUser("ma", roles: [.clerk])
    try KeyFile.write(Curve25519.Signing.PrivateKey(), user: "ma", path: office.keyPath("ma"))
    #expect(throws: DepotError.keyNotEnrolled(user: "ma")) {
      try office.signedDonation(by: "ma", keyPath: office.keyPath("ma"))
    }
  }
}
