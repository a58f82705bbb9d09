import Testing

@testable import Inventory

@Suite struct RecallTests {
  func recall(
    _ office: TestOffice, _ lot: String, item: String? = nil, as user: String = "zhang"
  ) throws -> RecallReport {
    try office.depot.recall(
      LotRecall(lot: lot, item: item, reason: "manufacturer notice 2026-117"), office.context(user))
  }

  /// Three more sites, each with a requester bound to it.
  func addSites(_ office: TestOffice) throws {
    for (site, user) in [("SITE-HC1", "zhou"), ("SITE-VC2", "wu")] {
      _ = try office.depot.addLocation(
        NewLocation(code: site, name: site, kind: .site), office.admin)
      try office.addUser(user, roles: [.requester], sites: [site])
    }
  }

  func issue(_ office: TestOffice, _ quantity: Int64, to site: String, by user: String) throws {
    let requested = try office.depot.requestIssue(
      IssueRequest(
        source: "WH-CENTRAL", site: site, items: office.amounts([("MASK-SURG", quantity)])),
      office.context(user))
    try office.approve(requested.number)
    try office.ship(requested.number)
    try office.confirm(requested.number, as: user)
  }

  @Test func theRecallListsEveryPlaceTheLotReachedAsTheLedgerRecordsIt() throws {
    let office = try TestOffice()
    try addSites(office)
    try office.receive("MASK-SURG", 5000, lot: "L7", expiry: "2028-01-31", value: 50_000)
    try office.transfer("MASK-SURG", 1000, to: "WH-TOWN")
    try issue(office, 300, to: "SITE-CP3", by: "li")
    office.clock.advance(hours: 24)
    try issue(office, 200, to: "SITE-HC1", by: "zhou")
    try issue(office, 100, to: "SITE-VC2", by: "wu")
    try issue(office, 50, to: "SITE-CP3", by: "li")
    _ = try office.depot.reportUse(
      UseReport(site: "SITE-CP3", item: "MASK-SURG", quantity: QuantityAmount(digits: 120)),
      office.context("li"))
    let report = try recall(office, "L7")
    #expect(report.item == "MASK-SURG")
    #expect(report.reason == "manufacturer notice 2026-117")
    #expect(report.recalledBy == "zhang")
    let card = try office.depot.card(CardQuery(item: "MASK-SURG", lot: "L7"), as: "audit")
    let arrivals = card.entries.filter { $0.from == "transit" && $0.to.hasPrefix("SITE-") }
    #expect(report.issued.map(\.site) == arrivals.map(\.to))
    #expect(report.issued.map(\.quantity) == arrivals.map(\.quantityIn))
    #expect(report.issued.map(\.document) == arrivals.map(\.document))
    #expect(report.issued.map(\.date) == ["2026-11-29", "2026-11-30", "2026-11-30", "2026-11-30"])
    #expect(report.issued.map(\.quantity) == [300, 200, 100, 50])
    let places = Dictionary(uniqueKeysWithValues: report.places.map { ($0.location, $0) })
    #expect(
      Set(places.keys) == ["WH-CENTRAL", "WH-TOWN", "transit", "SITE-CP3", "SITE-HC1", "SITE-VC2"])
    #expect(places["WH-CENTRAL"]?.onHand == 3350)
    #expect(places["WH-TOWN"]?.onHand == 1000)
    #expect(places["SITE-CP3"].map { [$0.received, $0.used, $0.onHand] } == [350, 120, 230])
    #expect(places["SITE-HC1"]?.onHand == 200)
    #expect(places["SITE-VC2"]?.onHand == 100)
    #expect(places["transit"]?.onHand == 0)
    let stock = try office.depot.stock(StockQuery(item: "MASK-SURG"), as: "audit")
    #expect(report.stillHeld == stock.reduce(0) { $0 + $1.onHand })
    #expect(stock.allSatisfy { $0.available == 0 }, "a recalled lot is never available")
    #expect(try office.verify().ok)
  }

  @Test func aRecalledLotIsNeverShippedTransferredOrUsed() throws {
    let office = try TestOffice()
    try office.receive("MASK-SURG", 1000, lot: "L7", expiry: "2028-01-31")
    try office.request([("MASK-SURG", 200)])
    try office.approve("REQ-2026-000001")
    let report = try recall(office, "L7")
    #expect(
      report.reservations == [
        RecallReport.Reservation(
          document: "REQ-2026-000001", location: "WH-CENTRAL", repointed: 0, released: 200,
          stillReserved: 0)
      ], "no other lot covers the reservation, so the recall releases it")
    #expect(throws: DepotError.nothingLeft(document: "REQ-2026-000001", action: "ship")) {
      try office.ship("REQ-2026-000001")
    }
    #expect(throws: DepotError.lotRecalled(item: "MASK-SURG", lot: "L7", location: "WH-CENTRAL")) {
      try office.transfer("MASK-SURG", 10, lot: "L7")
    }
    #expect(throws: DepotError.lotRecalled(item: "MASK-SURG", lot: "L7", location: "WH-CENTRAL")) {
      try office.transfer("MASK-SURG", 10)
    }
    try office.receive("MASK-SURG", 500, lot: "L8", expiry: "2029-01-31")
    try office.request([("MASK-SURG", 200)])
    try office.approve("REQ-2026-000002")
    let shipped = try office.ship("REQ-2026-000002")
    #expect(shipped.shipments.map(\.lot) == ["L8"], "first expiry first out skips the recall")
    let writeOff = try office.depot.writeOff(
      WriteOffRequest(
        location: "WH-CENTRAL", item: "MASK-SURG", lot: "L7",
        quantity: QuantityAmount(digits: 1000), reason: .recalled),
      office.context("wang"))
    #expect(writeOff.reason == "recalled")
    #expect(try office.verify().ok)
  }

  @Test func aRecallIsAnApproversSignedDecisionMadeOnce() throws {
    let office = try TestOffice()
    try office.receive("MASK-SURG", 100, lot: "L7", expiry: "2028-01-31")
    try office.receive("DISINF-84", 100, lot: "L7", expiry: "2028-01-31")
    #expect(throws: DepotError.missingRole(user: "wang", action: "recall lots", roles: [.approver]))
    {
      _ = try recall(office, "L7", item: "MASK-SURG", as: "wang")
    }
    #expect(throws: DepotError.ambiguousLot(lot: "L7", items: ["DISINF-84", "MASK-SURG"])) {
      _ = try recall(office, "L7")
    }
    #expect(throws: DepotError.unknownLot("L9")) { _ = try recall(office, "L9") }
    _ = try recall(office, "L7", item: "MASK-SURG")
    #expect(
      throws: DepotError.alreadyRecalled(item: "MASK-SURG", lot: "L7", on: Day("2026-11-29")!)
    ) {
      _ = try recall(office, "L7", item: "MASK-SURG")
    }
    #expect(try office.available("DISINF-84") == 100, "only the named item's lot is recalled")
    #expect(try office.verify().ok)
  }
}
