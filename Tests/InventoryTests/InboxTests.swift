import Testing

@testable import Inventory

/// `depot inbox` (SPEC §10): what waits on each user's roles, oldest first.
@Suite struct InboxTests {
  /// An office day, from 10:00 on 2026-11-29 to 07:00 on 2026-12-01 (Shanghai): masks in a
  /// lot expiring on 2027-01-15 below their floor after an approval, disinfectant reserved
  /// on a lot that expires on 2026-11-30, a request to decide and one shipped, a purchase
  /// request and a write-off by wang, a waste batch 42 hours old and a manifest in
  /// discrepancy.
  func officeDay() throws -> TestOffice {
    let office = try TestOffice()
    try office.addWasteSetUp()
    try office.receive("MASK-SURG", 1000, lot: "M1", expiry: "2027-01-15")
    try office.receive("DISINF-84", 10, lot: "D1", expiry: "2026-11-30")
    try office.receive("GLOVE", 500)
    _ = try office.depot.setReserve(
      ReserveSetting(
        item: "MASK-SURG", warehouse: "WH-CENTRAL", floor: QuantityAmount(digits: 900)),
      office.admin)
    office.clock.advance(hours: 1)
    try office.approve(
      try office.request([("MASK-SURG", 200)]).number, override: "night shift at the checkpoint")
    office.clock.advance(hours: 1)
    try office.request([("GLOVE", 100)])
    let shipped = try office.request([("GLOVE", 50)]).number
    try office.approve(shipped)
    try office.ship(shipped)
    office.clock.advance(hours: 1)
    _ = try office.depot.requestPurchase(
      PurchaseRequestInput(items: office.amounts([("GLOVE", 1000)]), reason: "winter"),
      office.context("wang"))
    try office.writeOff("GLOVE", 5, reason: .damaged)
    try office.approve(try office.request([("DISINF-84", 10)]).number)
    try office.collect(grams: 3000)
    let stored = try office.collect(grams: 5000).number
    try office.store(stored)
    try office.handOver([stored], grams: 9000, containers: 1)
    office.clock.advance(hours: 42)
    return office
  }

  /// Each entry as one line: task, document, item, lot, place, quantity, since.
  func lines(_ office: TestOffice, _ user: String) throws -> [String] {
    try office.depot.inbox(as: user).entries.map { entry in
      [
        entry.task.rawValue, entry.document ?? "-", entry.item ?? "-", entry.lot ?? "-",
        entry.location ?? "-", entry.quantity.map(String.init) ?? "-", entry.since.description,
      ].joined(separator: " ")
    }
  }

  @Test func eachUserSeesWhatWaitsOnTheirRolesOldestFirst() throws {
    let office = try officeDay()
    #expect(
      try lines(office, "zhang") == [
        "decide-request REQ-2026-000002 - - SITE-CP3 - 2026-11-29T04:00:00.000Z",
        "decide-purchase PR-2026-000001 - - - - 2026-11-29T05:00:00.000Z",
        "decide-adjustment ADJ-2026-000001 - - WH-CENTRAL - 2026-11-29T05:00:00.000Z",
        "resolve-manifest MAN-2026-000001 - - - - 2026-11-29T05:00:00.000Z",
        "repoint-reservation REQ-2026-000004 DISINF-84 - WH-CENTRAL 10 2026-11-30T16:00:00.000Z",
      ])
    #expect(
      try lines(office, "wang") == [
        "use-before-expiry - MASK-SURG M1 WH-CENTRAL 1000 2026-11-15T16:00:00.000Z",
        "restock - MASK-SURG - WH-CENTRAL 100 2026-11-29T02:00:00.000Z",
        "ship REQ-2026-000001 - - WH-CENTRAL - 2026-11-29T03:00:00.000Z",
        "move-waste WST-2026-000001 - - SITE-CP3 - 2026-11-29T05:00:00.000Z",
        "write-off-expired - DISINF-84 D1 WH-CENTRAL 10 2026-11-30T16:00:00.000Z",
      ])
    #expect(
      try lines(office, "li") == [
        "confirm REQ-2026-000003 - - SITE-CP3 - 2026-11-29T04:00:00.000Z"
      ])
    for user in ["sun", "audit", "chen"] {
      #expect(try lines(office, user) == [], "\(user)")
    }
  }

  @Test func aWasteBatchShowsItsDeadlineAndTurnsOverdueAfter48Hours() throws {
    let office = try officeDay()
    let batch = try #require(
      try office.depot.inbox(as: "wang").entries.first { $0.task == .moveWaste })
    #expect(batch.state == "collected")
    #expect(batch.due == Moment("2026-12-01T05:00:00.000Z"))
    #expect(!batch.overdue)
    office.clock.advance(hours: 7)
    let late = try #require(
      try office.depot.inbox(as: "wang").entries.first { $0.task == .moveWaste })
    #expect(late.overdue)
  }

  @Test func aRequestApprovedInPartWaitsForADecisionOnTheRest() throws {
    let office = try TestOffice()
    try office.receive("GLOVE", 500)
    let request = try office.request([("GLOVE", 100)]).number
    func decisions() throws -> [String?] {
      try office.depot.inbox(as: "zhang").entries.filter { $0.task == .decideRequest }
        .map(\.document)
    }
    try office.approve(request, [("GLOVE", 60)])
    #expect(try decisions() == [request], "40 gloves still await a decision")
    try office.approve(request, [("GLOVE", 40)])
    #expect(try decisions() == [])
  }

  @Test func whatSomeoneMadeIsNotInTheirOwnInboxToApprove() throws {
    let office = try officeDay()
    try office.addClerkApprover()
    _ = try office.depot.requestPurchase(
      PurchaseRequestInput(items: office.amounts([("MASK-SURG", 1000)]), reason: "floor"),
      office.context("qian"))
    let decisions = try office.depot.inbox(as: "qian").entries.filter {
      $0.task == .decidePurchase
    }
    #expect(decisions.map(\.document) == ["PR-2026-000001"])
    #expect(try lines(office, "zhang").contains { $0.hasPrefix("decide-purchase PR-2026-000002") })
  }
}
