import Foundation
import Ledger
import LedgerSQLite
import Testing

@testable import Inventory

/// An auditor notes `depot ledger head`; `verify --head` proves the chain still leads to it.
@Suite struct NotedHeadTests {
  static let check = "noted head"

  @Test func theCurrentHeadIsAccepted() throws {
    let office = try TestOffice()
    try office.receive("GLOVE", 10)
    let head = try office.depot.ledgerHead(as: "audit")
    let report = try office.depot.verify(as: "audit", expectedHead: head.token)
    #expect(report.ok)
    #expect(report.checks.last?.name == Self.check)
    #expect(report.checks.last?.ok == true)
  }

  @Test func anOlderHeadIsStillAcceptedAfterFurtherWork() throws {
    let office = try TestOffice()
    try office.receive("GLOVE", 10)
    let noted = try office.depot.ledgerHead(as: "audit")
    try office.receive("GLOVE", 5)
    try office.transfer("GLOVE", 12)
    let report = try office.depot.verify(as: "audit", expectedHead: noted.token)
    #expect(report.ok)
    #expect(report.head != noted)
    #expect(report.checks.map(\.name).contains(Self.check))
  }

  @Test func aHeadNotedBeforeAnyMovementIsAccepted() throws {
    let office = try TestOffice()
    let noted = try office.depot.ledgerHead(as: "audit")
    #expect(noted.movementId == 0)
    try office.receive("GLOVE", 10)
    #expect(try office.depot.verify(as: "audit", expectedHead: noted.token).ok)
  }

  @Test func aMadeUpTokenIsRefused() throws {
    let office = try TestOffice()
    try office.receive("GLOVE", 10)
    let head = try office.depot.ledgerHead(as: "audit")
    let madeUp = "\(head.movementId):\(head.eventId):" + String(repeating: "0", count: 64)
    let report = try office.depot.verify(as: "audit", expectedHead: madeUp)
    #expect(!report.ok)
    report.expect(
      failing: [Self.check], Self.check,
      problem: "the chain no longer leads to the noted head \(madeUp): it was rewritten")
  }

  @Test func aTokenBeyondTheChainIsRefused() throws {
    let office = try TestOffice()
    try office.receive("GLOVE", 10)
    let head = try office.depot.ledgerHead(as: "audit")
    let beyond = "\(head.movementId + 1):\(head.eventId):" + head.token.split(separator: ":")[2]
    let report = try office.depot.verify(as: "audit", expectedHead: beyond)
    report.expect(
      failing: [Self.check], Self.check,
      problem: "the noted head \(beyond) is no longer in the chain: rows were removed")
  }

  @Test func aTokenThatIsNotATokenIsAnInputError() throws {
    let office = try TestOffice()
    #expect(
      throws: DepotError.invalidOption(
        field: .head, reason: "must be the token 'depot ledger head' printed (ID:ID:HASH)")
    ) {
      try office.depot.verify(as: "audit", expectedHead: "yesterday")
    }
  }

  /// Removing the last movement (and its lot's balances) leaves a chain that is valid on its own;
  /// the envelope that signed it and the noted head both show that rows were removed.
  @Test func aMovementRemovedAtTheEndFailsTheEnvelopeAndTheNotedHead() throws {
    let office = try TestOffice()
    try office.receive("GLOVE", 10, value: 100)
    try office.receive("MASK-SURG", 5, lot: "L2", expiry: "2028-01-01", value: 50)
    let noted = try office.depot.ledgerHead(as: "audit")
    #expect(noted.movementId == 2)
    try office.dropAppendOnlyTriggers()
    let lot = try office.depot.store.read { try $0.movements(ofDocument: 2).first?.lotId }
    try office.execute("DELETE FROM movement WHERE id = 2")
    try office.execute("DELETE FROM balance WHERE lot_id = ?", [lot])
    #expect(
      try office.verify().problem(of: VerificationTests.signedCheck)
        == "the movements of envelope 30 are not those its signature covers: one was changed, "
        + "removed or inserted")
    let report = try office.depot.verify(as: "audit", expectedHead: noted.token)
    report.expect(
      failing: [VerificationTests.signedCheck, VerificationTests.triggersCheck, Self.check],
      Self.check,
      problem: "the noted head \(noted.token) is no longer in the chain: rows were removed")
  }

  @Test func aMovementRemovedAtTheEndWithoutTidyingIsAlsoCaughtByTheBalances() throws {
    let office = try TestOffice()
    try office.receive("GLOVE", 10, value: 100)
    try office.receive("GLOVE", 5, value: 50)
    let noted = try office.depot.ledgerHead(as: "audit")
    try office.dropAppendOnlyTriggers()
    try office.execute("DELETE FROM movement WHERE id = 2")
    let report = try office.depot.verify(as: "audit", expectedHead: noted.token)
    #expect(report.failedChecks.contains(Self.check))
    #expect(report.failedChecks.contains("balances agree (I5)"))
    #expect(!report.failedChecks.contains("movement chain (I3, I9)"))
  }

  /// A tamperer who removes the last movement and posts another one through the ledger gets
  /// a valid chain again, but neither the signed envelope nor the noted one.
  @Test func aRewrittenEndOfTheChainFailsTheNotedHead() throws {
    let office = try TestOffice()
    try office.receive("GLOVE", 10, value: 100)
    try office.receive("MASK-SURG", 5, lot: "L2", expiry: "2028-01-01", value: 50)
    let noted = try office.depot.ledgerHead(as: "audit")
    try office.dropAppendOnlyTriggers()
    let last = try #require(try office.depot.store.read { try $0.movements(ofDocument: 2) }.first)
    try office.execute("DELETE FROM movement WHERE id = 2")
    try office.execute("DELETE FROM balance WHERE lot_id = ?", [last.lotId])
    _ = try office.depot.store.write { transaction in
      let lot = try #require(try transaction.lot(id: last.lotId))
      return try transaction.post(
        MovementDraft(
          lot: lot, fromAccountId: last.fromAccountId, toAccountId: last.toAccountId,
          quantity: 4, value: 40, documentId: last.documentId, actorId: last.actorId,
          effectiveDate: last.effectiveDate, recordedAt: last.recordedAt))
    }
    #expect(!(try office.verify().ok))
    let report = try office.depot.verify(as: "audit", expectedHead: noted.token)
    report.expect(
      failing: [VerificationTests.signedCheck, VerificationTests.triggersCheck, Self.check],
      Self.check,
      problem: "the chain no longer leads to the noted head \(noted.token): it was rewritten")
  }
}
