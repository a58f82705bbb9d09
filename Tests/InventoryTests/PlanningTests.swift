import Testing

@testable import Inventory

/// Days of cover and reorder quantities on a history with known answers: 1 400 gloves
/// received, then 50 a day shipped to a site for the 14 days of the window.
@Suite struct PlanningTests {
  func officeWithHistory() throws -> TestOffice {
    let office = try TestOffice()
    office.clock.advance(hours: -24 * 20)
    try office.receive("GLOVE", 1400, value: 14_000)
    try office.receive("MASK-SURG", 500, lot: "IDLE", expiry: "2029-01-01")
    for day in 1...14 {
      office.clock.set(TestOffice.start.adding(hours: Int64(-24 * (14 - day))))
      let number = "REQ-2026-" + String(repeating: "0", count: 6 - String(day).count) + "\(day)"
      try office.request([("GLOVE", 50)])
      try office.approve(number)
      try office.ship(number)
      try office.confirm(number)
    }
    office.clock.set(TestOffice.start)
    return office
  }

  func status(_ office: TestOffice, _ item: String) throws -> ReserveStatus {
    try #require(try office.depot.reserveReport(as: "zhang").first { $0.item == item })
  }

  @Test func dailyUseIsShipmentsOverTheWindowAndCoverIsAvailableOverUse() throws {
    let office = try officeWithHistory()
    let gloves = try status(office, "GLOVE")
    #expect(gloves.onHand == 700)
    #expect(gloves.windowUse == 700)
    #expect(gloves.dailyUse == "50.0")
    #expect(gloves.daysOfCover == 14)
    #expect(gloves.leadTimeDays == 7)
    #expect(gloves.supplier == "SUP-JX")
    #expect(gloves.status == "ok")
  }

  @Test func anItemWithNoUseHasUnboundedCover() throws {
    let office = try officeWithHistory()
    let masks = try status(office, "MASK-SURG")
    #expect(masks.dailyUse == "0.0")
    #expect(masks.daysOfCover == nil)
    #expect(masks.status == "ok")
    #expect(try office.depot.reorderProposals(as: "zhang").map(\.item) == [])
  }

  @Test func statusFollowsTheLevelsAndTheLeadTime() throws {
    let office = try officeWithHistory()
    func set(floor: Int64? = nil, minimum: Int64? = nil, maximum: Int64? = nil) throws {
      _ = try office.depot.setReserve(
        ReserveSetting(
          item: "GLOVE", warehouse: "WH-CENTRAL", floor: floor.map { QuantityAmount(digits: $0) },
          minimum: minimum.map { QuantityAmount(digits: $0) },
          maximum: maximum.map { QuantityAmount(digits: $0) }), office.admin)
    }
    try set(maximum: 600)
    #expect(try status(office, "GLOVE").status == "over max")
    try set(maximum: 5000)
    _ = try office.depot.setParty(PartySetting(code: "SUP-JX", leadTimeDays: 20), office.admin)
    #expect(try status(office, "GLOVE").status == "cover < lead time")
    try set(minimum: 500)
    #expect(try status(office, "GLOVE").status == "cover < lead time")
    try set(minimum: 800)
    #expect(try status(office, "GLOVE").status == "below min")
    try set(floor: 701)
    #expect(try status(office, "GLOVE").status == "below floor")
  }

  @Test func reorderBringsStockToTheMaximumInWholePacks() throws {
    let office = try officeWithHistory()
    _ = try office.depot.setParty(PartySetting(code: "SUP-JX", leadTimeDays: 20), office.admin)
    _ = try office.depot.setReserve(
      ReserveSetting(item: "GLOVE", warehouse: "WH-CENTRAL", maximum: QuantityAmount(digits: 2050)),
      office.admin)
    let proposal = try #require(try office.depot.reorderProposals(as: "zhang").first)
    #expect(proposal.item == "GLOVE")
    #expect(proposal.target == 2050)
    #expect(proposal.quantity == 1400, "1 350 short, rounded up to whole boxes of 100")
    #expect(proposal.pack == "14 box")
    #expect(proposal.reason == "cover 14 d < 23 d")
  }

  @Test func withoutAMaximumReorderCoversTheTargetDays() throws {
    let office = try officeWithHistory()
    _ = try office.depot.setParty(PartySetting(code: "SUP-JX", leadTimeDays: 20), office.admin)
    let proposal = try #require(try office.depot.reorderProposals(as: "zhang").first)
    #expect(proposal.target == 1500, "30 days at 50 a day")
    #expect(proposal.quantity == 800)
    let relaxed = try office.depot.reorderProposals(
      PlanningSettings(windowDays: 14, safetyDays: 0, coverTargetDays: 30), as: "zhang")
    #expect(relaxed.map(\.quantity) == [800])
    _ = try office.depot.setParty(PartySetting(code: "SUP-JX", leadTimeDays: 5), office.admin)
    #expect(try office.depot.reorderProposals(as: "zhang").isEmpty, "14 days cover > 5 + 3")
  }

  @Test func proposalsBecomeOneDraftPurchaseRequestNeverAnOrder() throws {
    let office = try officeWithHistory()
    _ = try office.depot.setParty(PartySetting(code: "SUP-JX", leadTimeDays: 20), office.admin)
    let created = try office.depot.createReorderRequest(ReorderRequest(), office.context("wang"))
    let number = try #require(created.request)
    #expect(number.hasPrefix("PR-2026-"))
    guard case .request(let request) = try office.depot.procurement(number, as: "audit") else {
      Issue.record("\(number) is not a purchase request")
      return
    }
    #expect(request.state == "requested")
    #expect(request.reason.hasPrefix("reorder proposal: GLOVE at WH-CENTRAL"))
    #expect(request.lines.map(\.quantity) == [800])
    #expect(
      try office.depot.procurements(state: nil, as: "audit").allSatisfy {
        $0.number.hasPrefix("PR-")
      })
    let nothing = try office.depot.createReorderRequest(
      ReorderRequest(
        settings: PlanningSettings(windowDays: 14, safetyDays: 0, coverTargetDays: 30)),
      office.context("wang"))
    #expect(nothing.proposals.map(\.quantity) == [800], "the first request does not count as stock")
  }

  @Test func expiringListsLotsSoonestFirstAndExpiredStockApart() throws {
    let office = try TestOffice()
    try office.receive("MASK-SURG", 10, lot: "LATE", expiry: "2027-06-01", value: 100)
    try office.receive("MASK-SURG", 20, lot: "SOON", expiry: "2026-12-20")
    try office.receive("MASK-SURG", 30, lot: "GONE", expiry: "2026-12-01")
    office.clock.advance(hours: 24 * 5)
    let report = try office.depot.expiring(withinDays: 30, as: "wang")
    #expect(report.expiring.map(\.lot) == ["SOON"])
    #expect(report.expiring.map(\.daysLeft) == [16])
    #expect(report.expired.map(\.lot) == ["GONE"])
    #expect(report.expired.map(\.daysLeft) == [-3])
    let wide = try office.depot.expiring(withinDays: 365, as: "wang")
    #expect(wide.expiring.map(\.lot) == ["SOON", "LATE"])
  }
}
