import Foundation
import Ledger
import Testing

@testable import Inventory

/// The engine over each implementation (SPEC §12: the same suites run against both): one short
/// office day through `Depot` gives the same stock, documents and verification everywhere.
@Suite struct OfficeDayContractTests {
  /// Receipts, a transfer, an issuance from request to confirmation and an approved
  /// write-off, an hour apart, as in SPEC §4.
  static func officeDay(_ office: ContractOffice) throws {
    let depot = office.depot
    let receipts: [(String, Int64, String?, Day?, Int64)] = [
      ("GLOVE", 1000, nil, nil, 50_000), ("MASK-SURG", 600, "M-1", Day("2027-06-30"), 30_000),
    ]
    for (item, quantity, lot, expiry, value) in receipts {
      _ = try depot.receive(
        ReceiptRequest(
          source: "SUP-JX", warehouse: "WH-CENTRAL", item: item,
          quantity: QuantityAmount(digits: quantity), lot: lot, expiry: expiry, value: value,
          emergencyJustification: "stock for the epidemic"),
        office.by("zhang"))
      office.nextHour()
    }
    _ = try depot.transfer(
      TransferRequest(
        source: "WH-CENTRAL", destination: "WH-TOWN", item: "GLOVE",
        quantity: QuantityAmount(digits: 200)), office.by("wang"))
    office.nextHour()
    let request = try depot.requestIssue(
      IssueRequest(
        source: "WH-CENTRAL", site: "SITE-CP3",
        items: office.amounts([("GLOVE", 300), ("MASK-SURG", 100)]), priority: .urgent),
      office.by("li"))
    for step in [
      { _ = try depot.approveIssue(IssueApproval(number: request.number), office.by("zhang")) },
      { _ = try depot.shipIssue(IssueShipment(number: request.number), office.by("wang")) },
      { _ = try depot.confirmIssue(IssueConfirmation(number: request.number), office.by("li")) },
      {
        _ = try depot.writeOff(
          WriteOffRequest(
            location: "WH-CENTRAL", item: "MASK-SURG", lot: "M-1",
            quantity: QuantityAmount(digits: 20), reason: .damaged), office.by("wang"))
      },
      {
        _ = try depot.decideAdjustment(
          AdjustmentDecision(.approve, number: "ADJ-2026-000001"), office.by("zhang"))
      },
    ] as [() throws -> Void] {
      office.nextHour()
      try step()
    }
  }

  @Test(arguments: StorageImplementation.allCases)
  func anOfficeDayEndsTheSameOnEveryImplementation(_ implementation: StorageImplementation)
    throws
  {
    let office = try ContractOffice(implementation)
    try Self.officeDay(office)
    let depot = office.depot
    let stock = try depot.stock(StockQuery(byLot: true), as: "audit").map {
      "\($0.item) \($0.location) \($0.lot ?? "-") \($0.onHand) \($0.reserved) \($0.available) \($0.value)"
    }
    #expect(
      stock == [
        "GLOVE SITE-CP3 - 300 0 300 150.00", "GLOVE WH-CENTRAL - 500 0 500 250.00",
        "GLOVE WH-TOWN - 200 0 200 100.00", "MASK-SURG SITE-CP3 M-1 100 0 100 50.00",
        "MASK-SURG WH-CENTRAL M-1 500 0 480 250.00",
      ], "the 20 written-off masks stay on hand, held for their waste batch")
    let issuance = try depot.issuance("REQ-2026-000001", as: "audit")
    #expect(issuance.state == "closed")
    #expect(
      issuance.history.map(\.action) == [
        "issue.request", "issue.approve", "issue.ship", "issue.confirm",
      ])
    #expect(
      issuance.lines.map { [$0.requested, $0.approved, $0.shipped, $0.received] } == [
        [300, 300, 300, 300], [100, 100, 100, 100],
      ])
    let writeOff = try depot.adjustment("ADJ-2026-000001", as: "audit")
    #expect(writeOff.state == "approved")
    #expect(writeOff.wasteBatch == "WST-2026-000001")
    #expect(try depot.wasteBatch("WST-2026-000001", as: "audit").state == "awaiting-collection")
    let report = try depot.verify(as: "audit")
    #expect(report.failedChecks == [])
    #expect(report.ok)
    #expect([report.movements, report.events, report.signatures] == [7, 31, 28])
    #expect(report.head.movementId == 7)
    #expect(
      report.head.movementHash
        == "64a8c835181986e329f563ccf14ccae470489209d0e550fe7a283d127f411b7a",
      "movements hold no keys or nonces, so the same day chains to the same head")
    #expect(report.head.eventId == report.events)
  }
}

extension VerificationReport {
  /// The names of the checks that failed, with what they found.
  var failedChecks: [String] {
    checks.filter { !$0.ok }.map { "\($0.name): \($0.problem ?? "")" }
  }
}
