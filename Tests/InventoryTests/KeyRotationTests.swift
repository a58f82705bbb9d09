import Foundation
import Testing

@testable import Inventory

@Suite struct KeyRotationTests {
  @Test func rotationRetiresTheOldKeyActivatesTheNewOneAndReplacesTheFile() throws {
    let office = try TestOffice()
    let oldKey = try office.privateKey(of: "zhang")
    let oldRecord = try #require(try office.storedKeys(of: "zhang").first)
    office.clock.advance(hours: 1)
    let summary = try office.depot.rotateKey(KeyRotation(), office.context("zhang"))
    let newKey = try office.privateKey(of: "zhang")
    #expect(newKey.publicKey.rawRepresentation != oldKey.publicKey.rawRepresentation)
    #expect(try permissions(of: office.keyPath("zhang")) == 0o600)
    #expect(!FileManager.default.fileExists(atPath: office.keyPath("zhang") + ".new"))
    let now = office.clock.now().description
    #expect(summary.keys.map(\.state) == ["retired", "active"])
    #expect(summary.keys.map(\.id).first == oldRecord.id)
    #expect(summary.keys.first?.retiredAt == now)
    #expect(summary.keys.last?.activatedAt == now)
    #expect(
      summary.keys.map(\.publicKey) == [
        oldKey.publicKey.rawRepresentation.hexadecimal,
        newKey.publicKey.rawRepresentation.hexadecimal,
      ])
    let report = try office.verify()
    #expect(report.ok)
    #expect(report.failedChecks == [])
    #expect(report.signatures == 6)
  }

  @Test func theRotatedKeySignsAndTheOldFileNoLongerDoes() throws {
    let office = try TestOffice()
    let copy = office.keyFolder + "/zhang-old.key"
    try FileManager.default.copyItem(atPath: office.keyPath("zhang"), toPath: copy)
    _ = try office.depot.rotateKey(KeyRotation(), office.context("zhang"))
    let events = try office.eventCount()
    #expect(throws: DepotError.keyMismatch(user: "zhang", path: copy)) {
      try office.depot.rotateKey(KeyRotation(), WriteContext(actor: "zhang", keyPath: copy))
    }
    #expect(try office.eventCount() == events)
    _ = try office.depot.rotateKey(KeyRotation(), office.context("zhang"))
    #expect(try office.storedKeys(of: "zhang").map(\.state) == [.retired, .retired, .active])
    let report = try office.verify()
    #expect(report.ok)
    #expect(report.signatures == 7)
  }

  @Test func anAdminsRotatedKeyEnrolsAndEverySignatureStillVerifies() throws {
    let office = try TestOffice()
    _ = try office.depot.rotateKey(KeyRotation(), office.admin)
    _ = try office.depot.generateKey(KeyGeneration(), office.context("sun"))
    _ = try office.depot.enrolKey(KeyEnrolment(user: "sun"), office.admin)
    #expect(try office.storedKeys(of: "chen").map(\.state) == [.retired, .active])
    #expect(try office.storedKeys(of: "sun").map(\.state) == [.active])
    let report = try office.verify()
    #expect(report.ok)
    #expect(report.signatures == 8)
  }

  @Test func enrollingANewKeyRetiresTheUsersActiveOne() throws {
    let office = try TestOffice()
    let second = office.keyFolder + "/zhang-2.key"
    _ = try office.depot.generateKey(KeyGeneration(), WriteContext(actor: "zhang", keyPath: second))
    _ = try office.depot.enrolKey(KeyEnrolment(user: "zhang"), office.admin)
    #expect(try office.storedKeys(of: "zhang").map(\.state) == [.retired, .active])
    #expect(try office.verify().ok)
    _ = try office.depot.rotateKey(KeyRotation(), WriteContext(actor: "zhang", keyPath: second))
    #expect(try office.verify().ok)
  }
}
