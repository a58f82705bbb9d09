import Crypto
import Foundation
import Testing

@testable import Inventory

/// `key generate`, `key enrol` and `key rotate` (SPEC §7).
@Suite struct KeyLifecycleTests {
  @Test func generatingAKeyWritesAnOwnerOnlyFileAndRegistersItAsPending() throws {
    let office = try TestOffice()
    let events = try office.eventCount()
    let summary = try office.depot.generateKey(KeyGeneration(), office.context("sun"))
    #expect(try permissions(of: office.keyPath("sun")) == 0o600)
    let publicKey = try office.privateKey(of: "sun").publicKey.rawRepresentation
    #expect(summary.user == "sun")
    #expect(summary.keyPath == office.keyPath("sun"))
    #expect(summary.keys.map(\.state) == ["pending"])
    #expect(summary.keys.map(\.publicKey) == [publicKey.hexadecimal])
    #expect(summary.keys.first?.activatedAt == nil)
    #expect(
      try office.depot.keys(of: "sun", as: "audit")
        == KeySummary(user: "sun", keyPath: nil, keys: summary.keys))
    #expect(try office.eventCount() == events + 1)
    let report = try office.verify()
    #expect(report.ok)
    #expect(report.signatures == 6)
  }

  @Test func generatingAKeyCreatesItsFolderOwnerOnly() throws {
    let office = try TestOffice()
    let path = office.keyFolder + "/nested/keys/sun.key"
    _ = try office.depot.generateKey(
      KeyGeneration(), WriteContext(actor: "sun", keyPath: path))
    #expect(try permissions(of: office.keyFolder + "/nested/keys") == 0o700)
    #expect(try permissions(of: path) == 0o600)
  }

  @Test func aSecondPendingKeyIsRefusedAndItsFileRemoved() throws {
    let office = try TestOffice()
    _ = try office.depot.generateKey(KeyGeneration(), office.context("sun"))
    let events = try office.eventCount()
    let second = office.keyFolder + "/sun-2.key"
    #expect(throws: DepotError.keyAlreadyPending(user: "sun")) {
      try office.depot.generateKey(KeyGeneration(), WriteContext(actor: "sun", keyPath: second))
    }
    #expect(!FileManager.default.fileExists(atPath: second))
    #expect(try office.eventCount() == events)
    #expect(try office.storedKeys(of: "sun").count == 1)
  }

  @Test func anAdminEnrolmentActivatesThePendingKey() throws {
    let office = try TestOffice()
    _ = try office.depot.generateKey(KeyGeneration(), office.context("sun"))
    let summary = try office.depot.enrolKey(KeyEnrolment(user: "sun"), office.admin)
    #expect(summary.keys.map(\.state) == ["active"])
    #expect(summary.keys.first?.activatedAt == office.clock.now().description)
    let report = try office.verify()
    #expect(report.ok)
    #expect(report.signatures == 7)
  }

  @Test func aPendingKeyCannotSignARotation() throws {
    let office = try TestOffice()
    _ = try office.depot.generateKey(KeyGeneration(), office.context("sun"))
    let events = try office.eventCount()
    let file = try String(contentsOfFile: office.keyPath("sun"), encoding: .utf8)
    #expect(throws: DepotError.keyPending(user: "sun")) {
      try office.depot.rotateKey(KeyRotation(), office.context("sun"))
    }
    #expect(try office.eventCount() == events)
    #expect(try office.storedKeys(of: "sun").map(\.state) == [.pending])
    #expect(try String(contentsOfFile: office.keyPath("sun"), encoding: .utf8) == file)
    #expect(!FileManager.default.fileExists(atPath: office.keyPath("sun") + ".new"))
    #expect(DepotError.keyPending(user: "sun").category == .notPermitted)
  }

  @Test func aPendingAdminCannotEnrolAnyoneNotEvenThemself() throws {
    let office = try TestOffice()
    _ = try office.depot.addUser(NewUser(name: "ma", roles: [.admin]), office.admin)
    _ = try office.depot.generateKey(KeyGeneration(), office.context("ma"))
    _ = try office.depot.generateKey(KeyGeneration(), office.context("sun"))
    let events = try office.eventCount()
    #expect(throws: DepotError.keyPending(user: "ma")) {
      try office.depot.enrolKey(KeyEnrolment(user: "ma"), office.context("ma"))
    }
    #expect(throws: DepotError.keyPending(user: "ma")) {
      try office.depot.enrolKey(KeyEnrolment(user: "sun"), office.context("ma"))
    }
    #expect(try office.eventCount() == events)
    #expect(try office.storedKeys(of: "ma").map(\.state) == [.pending])
    #expect(try office.storedKeys(of: "sun").map(\.state) == [.pending])
  }

  @Test func anAdminsNewPendingKeyCannotSignWhileTheOldOneIsActive() throws {
    let office = try TestOffice()
    let newKey = office.keyFolder + "/chen-new.key"
    _ = try office.depot.generateKey(KeyGeneration(), WriteContext(actor: "chen", keyPath: newKey))
    _ = try office.depot.generateKey(KeyGeneration(), office.context("sun"))
    #expect(throws: DepotError.keyPending(user: "chen")) {
      try office.depot.enrolKey(
        KeyEnrolment(user: "sun"), WriteContext(actor: "chen", keyPath: newKey))
    }
    #expect(try office.storedKeys(of: "chen").map(\.state) == [.active, .pending])
  }

  @Test func onlyAnAdminMayEnrolAKey() throws {
    let office = try TestOffice()
    _ = try office.depot.generateKey(KeyGeneration(), office.context("sun"))
    #expect(
      throws: DepotError.missingRole(user: "wang", action: "enrol keys", roles: [.admin])
    ) {
      try office.depot.enrolKey(KeyEnrolment(user: "sun"), office.context("wang"))
    }
    #expect(
      throws: DepotError.missingRole(user: "sun", action: "enrol keys", roles: [.admin])
    ) {
      try office.depot.enrolKey(KeyEnrolment(user: "sun"), office.context("sun"))
    }
    #expect(try office.storedKeys(of: "sun").map(\.state) == [.pending])
  }

  @Test func enrollingNeedsAPendingKeyOfAKnownUser() throws {
    let office = try TestOffice()
    #expect(throws: DepotError.noPendingKey(user: "zhang")) {
      try office.depot.enrolKey(KeyEnrolment(user: "zhang"), office.admin)
    }
    #expect(throws: DepotError.noPendingKey(user: "sun")) {
      try office.depot.enrolKey(KeyEnrolment(user: "sun"), office.admin)
    }
    #expect(throws: DepotError.unknownUser("mallory")) {
      try office.depot.enrolKey(KeyEnrolment(user: "mallory"), office.admin)
    }
  }

  @Test func aUserWithoutAnyKeyCannotSign() throws {
    let office = try TestOffice()
    try KeyFile.write(Curve25519.Signing.PrivateKey(), user: "sun", path: office.keyPath("sun"))
    #expect(throws: DepotError.keyNotEnrolled(user: "sun")) {
      try office.depot.rotateKey(KeyRotation(), office.context("sun"))
    }
  }
}
