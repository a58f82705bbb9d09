import Foundation
import Testing

@testable import Inventory

/// The engine refuses (exit 2) a missing, wrong or too-readable key, before writing anything.
@Suite struct KeyFileRefusalTests {
  @Test(arguments: [0o644, 0o640, 0o604, 0o660])
  func aKeyFileReadableByOthersIsRefusedAndNothingIsWritten(mode: Int) throws {
    let office = try TestOffice()
    _ = try office.depot.generateKey(KeyGeneration(), office.context("sun"))
    let events = try office.eventCount()
    try FileManager.default.setAttributes(
      [.posixPermissions: mode], ofItemAtPath: office.keyPath("chen"))
    let shown = "0" + String(mode, radix: 8)
    #expect(throws: DepotError.keyFileTooOpen(path: office.keyPath("chen"), mode: shown)) {
      try office.depot.enrolKey(KeyEnrolment(user: "sun"), office.admin)
    }
    #expect(try office.eventCount() == events)
    #expect(try office.storedKeys(of: "sun").map(\.state) == [.pending])
    #expect(DepotError.keyFileTooOpen(path: "x", mode: shown).category == .notPermitted)
  }

  @Test func aTooOpenKeyFileRefusesARotationAndKeepsTheFile() throws {
    let office = try TestOffice()
    let path = office.keyPath("zhang")
    try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: path)
    let before = try String(contentsOfFile: path, encoding: .utf8)
    let events = try office.eventCount()
    #expect(throws: DepotError.keyFileTooOpen(path: path, mode: "0644")) {
      try office.depot.rotateKey(KeyRotation(), office.context("zhang"))
    }
    #expect(try office.eventCount() == events)
    #expect(try office.storedKeys(of: "zhang").map(\.state) == [.active])
    #expect(try String(contentsOfFile: path, encoding: .utf8) == before)
    #expect(!FileManager.default.fileExists(atPath: path + ".new"))
  }

  @Test func someoneElsesKeyFileIsRefused() throws {
    let office = try TestOffice()
    _ = try office.depot.generateKey(KeyGeneration(), office.context("sun"))
    let events = try office.eventCount()
    let wangs = office.keyPath("wang")
    #expect(throws: DepotError.keyMismatch(user: "chen", path: wangs)) {
      try office.depot.enrolKey(
        KeyEnrolment(user: "sun"), WriteContext(actor: "chen", keyPath: wangs))
    }
    #expect(throws: DepotError.keyMismatch(user: "zhang", path: wangs)) {
      try office.depot.rotateKey(KeyRotation(), WriteContext(actor: "zhang", keyPath: wangs))
    }
    #expect(try office.eventCount() == events)
    #expect(try office.storedKeys(of: "zhang").map(\.state) == [.active])
  }

  @Test func aMissingKeyFileIsRefused() throws {
    let office = try TestOffice()
    _ = try office.depot.generateKey(KeyGeneration(), office.context("sun"))
    let events = try office.eventCount()
    let missing = office.keyFolder + "/nobody.key"
    #expect(throws: DepotError.keyFileMissing(user: "chen", path: missing)) {
      try office.depot.enrolKey(
        KeyEnrolment(user: "sun"), WriteContext(actor: "chen", keyPath: missing))
    }
    #expect(throws: DepotError.keyFileMissing(user: "chen", path: "(no path)")) {
      try office.depot.enrolKey(KeyEnrolment(user: "sun"), WriteContext(actor: "chen"))
    }
    #expect(try office.eventCount() == events)
  }

  @Test func aKeyFileInAnotherFormatIsRefused() throws {
    let office = try TestOffice()
    _ = try office.depot.generateKey(KeyGeneration(), office.context("sun"))
    let garbled = office.keyFolder + "/garbled.key"
    #expect(
      FileManager.default.createFile(
        atPath: garbled, contents: Data("not a key\n".utf8),
        attributes: [.posixPermissions: 0o600]))
    #expect(throws: DepotError.keyFileUnreadable(path: garbled)) {
      try office.depot.enrolKey(
        KeyEnrolment(user: "sun"), WriteContext(actor: "chen", keyPath: garbled))
    }
  }
}
