import Foundation
import Testing

@testable import Inventory

/// `depot ledger verify` and `depot ledger head` on an office built through the engine.
@Suite struct VerificationTests {
  static let allChecks = [
    "movement chain (I3, I9)", "event chain (I4, I9)", "conservation (I1)",
    "no negative stock (I2)", "balances agree (I5)", "value conservation (I6)",
    "reservations (I2, I5)", "write-offs and waste stock (I2, I5)", "recalls (I4)",
    "waste register (I4)", "document states (I4)", ordersCheck, "signed writes (I4, I10)",
    "four eyes (I4)", "nonces (I10)", "rows under verification (I4, I5)", "ledger triggers (I3)",
    "dates (I2, backdating)", "reversals (I3)", "signatures and keys (I10)",
  ]
  static let ordersCheck = "orders and payables (I5)"
  static let signedCheck = "signed writes (I4, I10)"
  static let triggersCheck = "ledger triggers (I3)"

  @Test func aCleanOfficePassesEveryCheckAndCountsWhatItChecked() throws {
    let office = try TestOffice()
    let report = try office.verify()
    #expect(report.ok)
    #expect(report.checks.map(\.name) == Self.allChecks)
    #expect(report.checks.allSatisfy { $0.ok && $0.problem == nil })
    #expect(report.movements == 0)
    #expect(report.events == 30)
    #expect(report.signatures == 28, "every write of the set-up is one signed envelope")
    #expect(report.head == (try office.depot.ledgerHead(as: "audit")))
  }

  @Test func theCountsFollowReceiptsAndTransfers() throws {
    let office = try TestOffice()
    try office.receive("GLOVE", 100, value: 5000)
    try office.receive("MASK-SURG", 50, lot: "L1", expiry: "2028-01-31", value: 2500)
    try office.transfer("GLOVE", 30)
    let report = try office.verify()
    #expect(report.ok)
    #expect(report.movements == 3)
    #expect(report.events == 33)
    #expect(report.signatures == 31, "each receipt and the transfer are signed")
    #expect(report.head.movementId == 3)
    #expect(report.head.eventId == 33)
  }

  @Test func everyRegisteredUserMayVerify() throws {
    let office = try TestOffice()
    for user in ["chen", "wang", "zhang", "li", "sun", "audit"] {
      #expect(try office.depot.verify(as: user).ok)
    }
    #expect(throws: DepotError.unknownUser("mallory")) {
      try office.depot.verify(as: "mallory")
    }
  }

  @Test func theHeadTokenNamesBothChainHeads() throws {
    let office = try TestOffice()
    try office.receive("GLOVE", 10)
    let head = try office.depot.ledgerHead(as: "audit")
    #expect(head.movementId == 1)
    #expect(head.eventId == 31)
    #expect(head.movementHash.count == 64)
    #expect(head.eventHash.count == 64)
    let parts = head.token.split(separator: ":")
    #expect(parts.count == 3)
    #expect(parts.first == "1")
    #expect(parts.dropFirst().first == "31")
    #expect(parts.last?.count == 64)
  }
}
