import Foundation
import Testing

@testable import Inventory

/// Key commands retried with the same `--ref` (SPEC I7): the second run reports the first
/// result and changes nothing, key files included.
@Suite struct KeyRetryTests {
  @Test func aRetriedRotationKeepsTheKeyFileThatWasEnrolled() throws {
    let office = try TestOffice()
    let context = office.context("zhang", ref: "rotate-1")
    let first = try office.depot.rotateKey(KeyRotation(), context)
    let second = try office.depot.rotateKey(KeyRotation(), context)
    #expect(second == first)
    let active = try #require(try office.storedKeys(of: "zhang").last)
    #expect(active.state == .active)
    #expect(try office.privateKey(of: "zhang").publicKey.rawRepresentation == active.publicKey)
    _ = try office.depot.rotateKey(KeyRotation(), office.context("zhang"))
    #expect(try office.verify().ok)
  }

  @Test func aRetriedKeyGenerationReportsTheFirstResult() throws {
    let office = try TestOffice()
    let context = office.context("sun", ref: "generate-1")
    let first = try office.depot.generateKey(KeyGeneration(), context)
    let file = try String(contentsOfFile: office.keyPath("sun"), encoding: .utf8)
    let second = try office.depot.generateKey(KeyGeneration(), context)
    #expect(second == first)
    #expect(try String(contentsOfFile: office.keyPath("sun"), encoding: .utf8) == file)
    #expect(try office.storedKeys(of: "sun").count == 1)
  }

  @Test func aRetriedEnrolmentReportsTheFirstResult() throws {
    let office = try TestOffice()
    _ = try office.depot.generateKey(KeyGeneration(), office.context("sun"))
    let context = office.context("chen", ref: "enrol-sun")
    let first = try office.depot.enrolKey(KeyEnrolment(user: "sun"), context)
    let events = try office.eventCount()
    let second = try office.depot.enrolKey(KeyEnrolment(user: "sun"), context)
    #expect(second == first)
    #expect(try office.eventCount() == events)
  }
}
