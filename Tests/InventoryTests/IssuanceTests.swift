import Testing

@testable import Inventory

@Suite struct IssuanceTests {
  let number = "REQ-2026-000001"

  /// An office holding 100 gloves, 60 of them reserved by an approved request.
  func officeReservingSixtyOfAHundred() throws -> TestOffice {
    let office = try TestOffice()
    try office.receive("GLOVE", 100)
    try office.request([("GLOVE", 60)])
    try office.approve(number)
    return office
  }

  @Test func aRequestGoesThroughInFullAndClosesOnConfirmation() throws {
    let office = try TestOffice()
    try office.receive("GLOVE", 5000, value: 50_000)
    let requested = try office.request([("GLOVE", 2000)], priority: .urgent)
    #expect(requested.number == number)
    #expect(requested.state == "requested")
    try office.approve(number)
    #expect(try office.available("GLOVE") == 3000)
    let shipped = try office.ship(number)
    #expect(shipped.state == "shipped")
    #expect(shipped.lines.map(\.inTransit) == [2000])
    let confirmed = try office.confirm(number)
    #expect(confirmed.state == "closed")
    #expect(try office.onHand("GLOVE", at: "SITE-CP3") == 2000)
    #expect(try office.onHand("GLOVE", at: "WH-CENTRAL") == 3000)
    #expect(
      confirmed.history.map(\.action) == [
        "issue.request", "issue.approve", "issue.ship", "issue.confirm",
      ])
    #expect(confirmed.history.map(\.signed) == [true, true, true, true])
    #expect(try office.verify().ok)
  }

  @Test func partialApprovalPartialShipmentAndConfirmationWithDamagedAndMissing() throws {
    let office = try TestOffice()
    try office.receive("GLOVE", 5000, value: 50_000)
    try office.request([("GLOVE", 2000)])
    try office.approve(number, [("GLOVE", 1500)])
    #expect(try office.available("GLOVE") == 3500)
    try office.ship(number, [("GLOVE", 1000)])
    #expect(try office.available("GLOVE") == 3500, "the shipment used its own reservation")
    let confirmed = try office.confirm(number, received: [("GLOVE", 980)], damaged: [("GLOVE", 15)])
    #expect(confirmed.state == "confirmed")
    let line = try #require(confirmed.lines.first)
    #expect([line.received, line.damaged, line.missing, line.reserved] == [980, 15, 5, 500])
    #expect(confirmed.discrepancies.count == 1)
    #expect(confirmed.writeOffs == ["ADJ-2026-000001"], "the damaged gloves await write-off")
    #expect(try office.onHand("GLOVE", at: "SITE-CP3") == 995)
    #expect(try office.available("GLOVE", at: "SITE-CP3") == 980)
    let closed = try office.decide(.close, number)
    #expect(closed.state == "closed")
    #expect(closed.lines.map(\.released) == [500])
    #expect(try office.available("GLOVE") == 4000)
    #expect(try office.verify().ok)
  }

  @Test func cancellingReleasesTheReservation() throws {
    let office = try officeReservingSixtyOfAHundred()
    #expect(try office.available("GLOVE") == 40)
    #expect(try office.decide(.cancel, number).state == "cancelled")
    #expect(try office.available("GLOVE") == 100)
    #expect(throws: DepotError.wrongState(document: number, state: "cancelled", action: "shipped"))
    {
      try office.ship(number)
    }
  }

  @Test func stockIsNeverPromisedTwice() throws {
    let office = try TestOffice()
    try office.receive("GLOVE", 100)
    try office.request([("GLOVE", 80)])
    try office.request([("GLOVE", 30)])
    try office.approve(number)
    #expect(
      throws: DepotError.insufficientStock(
        item: "GLOVE", location: "WH-CENTRAL", available: 20, requested: 30)
    ) {
      try office.approve("REQ-2026-000002")
    }
    #expect(
      throws: DepotError.insufficientStock(
        item: "GLOVE", location: "WH-CENTRAL", available: 20, requested: 25)
    ) {
      try office.transfer("GLOVE", 25)
    }
  }

  @Test func shippingPicksFirstExpiringLotsAndSkipsExpiredOnes() throws {
    let office = try TestOffice()
    try office.receive("MASK-SURG", 50, lot: "OLD", expiry: "2026-12-05")
    try office.receive("MASK-SURG", 100, lot: "LATE", expiry: "2028-01-01")
    try office.receive("MASK-SURG", 100, lot: "SOON", expiry: "2027-01-01")
    try office.request([("MASK-SURG", 120)])
    try office.approve(number)
    office.clock.advance(hours: 24 * 7)
    let shipped = try office.ship(number)
    #expect(shipped.shipments.map(\.lot) == ["SOON", "LATE"])
    #expect(shipped.shipments.map(\.quantity) == [100, 20])
  }

  @Test func theApproverMayNotBeTheRequester() throws {
    let office = try TestOffice()
    _ = try office.depot.changeUser(
      UserChange(.grant, name: "zhang", roles: [.requester], sites: ["SITE-CP3"]), office.admin)
    try office.receive("GLOVE", 100)
    try office.request([("GLOVE", 10)], as: "zhang")
    #expect(throws: DepotError.fourEyes(user: "zhang", document: number, earlierStep: "requested"))
    {
      try office.approve(number)
    }
  }

  @Test func rolesAndSitesAreCheckedByTheEngine() throws {
    let office = try TestOffice()
    _ = try office.depot.addLocation(
      NewLocation(code: "SITE-X", name: "x", kind: .site), office.admin)
    try office.receive("GLOVE", 100)
    #expect(throws: DepotError.notBoundToSite(user: "li", site: "SITE-X")) {
      try office.depot.requestIssue(
        IssueRequest(
          source: "WH-CENTRAL", site: "SITE-X", items: office.amounts([("GLOVE", 1)])),
        office.context("li"))
    }
    #expect(
      throws: DepotError.missingRole(user: "wang", action: "request supplies", roles: [.requester])
    ) {
      try office.request([("GLOVE", 1)], as: "wang")
    }
    try office.request([("GLOVE", 10)])
    #expect(
      throws: DepotError.missingRole(user: "wang", action: "approve requests", roles: [.approver])
    ) {
      try office.approve(number, as: "wang")
    }
    try office.approve(number)
    #expect(throws: DepotError.missingRole(user: "li", action: "ship requests", roles: [.clerk])) {
      try office.ship(number, as: "li")
    }
  }

  @Test func overApprovalOverShipmentAndOverConfirmationAreRefused() throws {
    let office = try TestOffice()
    try office.receive("GLOVE", 1000)
    try office.request([("GLOVE", 100)])
    #expect(
      throws: DepotError.exceedsRequested(
        document: number, item: "GLOVE", requested: 100, asked: 150)
    ) {
      try office.approve(number, [("GLOVE", 150)])
    }
    try office.approve(number, [("GLOVE", 80)])
    #expect(
      throws: DepotError.exceedsReserved(document: number, item: "GLOVE", reserved: 80, asked: 90)
    ) {
      try office.ship(number, [("GLOVE", 90)])
    }
    try office.ship(number, [("GLOVE", 50)])
    #expect(
      throws: DepotError.exceedsInTransit(document: number, item: "GLOVE", inTransit: 50, asked: 60)
    ) {
      try office.confirm(number, received: [("GLOVE", 50)], damaged: [("GLOVE", 10)])
    }
    #expect(throws: DepotError.stillInTransit(document: number, item: "GLOVE", quantity: 50)) {
      try office.decide(.close, number)
    }
    #expect(try office.verify().ok)
  }

  @Test func cancellingWithoutAReasonIsRefusedAndKeepsTheReservation() throws {
    let office = try officeReservingSixtyOfAHundred()
    #expect(throws: DepotError.reasonRequired(action: "cancel \(number)")) {
      try office.depot.decideIssue(IssueDecision(.cancel, number: number), office.context("zhang"))
    }
    #expect(try office.available("GLOVE") == 40)
  }

  @Test func aClosedRequestTakesNoMoreSteps() throws {
    let office = try TestOffice()
    try office.receive("GLOVE", 100)
    try office.request([("GLOVE", 10)])
    try office.approve(number)
    try office.ship(number)
    try office.confirm(number)
    for step in [
      { try office.ship(number) }, { try office.approve(number) },
      { try office.decide(.cancel, number) }, { try office.confirm(number) },
    ] as [() throws -> IssuanceView] {
      #expect(throws: DepotError.self) { try step() }
    }
    #expect(throws: DepotError.wrongState(document: number, state: "closed", action: "shipped")) {
      try office.ship(number)
    }
  }

  @Test func approvingBelowAReserveFloorNeedsASignedOverride() throws {
    let office = try TestOffice()
    try office.receive("GLOVE", 1000)
    _ = try office.depot.setReserve(
      ReserveSetting(item: "GLOVE", warehouse: "WH-CENTRAL", floor: QuantityAmount(digits: 800)),
      office.admin)
    try office.request([("GLOVE", 300)])
    #expect(
      throws: DepotError.belowReserveFloor(
        item: "GLOVE", location: "WH-CENTRAL", left: 700, floor: 800)
    ) {
      try office.approve(number)
    }
    let approved = try office.approve(number, override: "checkpoint outbreak")
    #expect(approved.floorOverride == "checkpoint outbreak")
    #expect(approved.history.last?.reason == "checkpoint outbreak")
    #expect(approved.history.last?.signed == true)
    let report = try office.depot.timeliness(from: nil, to: nil, as: "audit")
    #expect(report.overrides.map(\.reason) == ["checkpoint outbreak"])
  }

  @Test func aSiteUsesAndReturnsStock() throws {
    let office = try TestOffice()
    try office.receive("GLOVE", 1000, value: 10_000)
    try office.request([("GLOVE", 500)])
    try office.approve(number)
    try office.ship(number)
    try office.confirm(number)
    _ = try office.depot.reportUse(
      UseReport(site: "SITE-CP3", item: "GLOVE", quantity: QuantityAmount(digits: 200)),
      office.context("li"))
    let returned = try office.depot.returnStock(
      StockReturn(
        site: "SITE-CP3", warehouse: "WH-CENTRAL", item: "GLOVE",
        quantity: QuantityAmount(digits: 100), damaged: QuantityAmount(digits: 10)),
      office.context("wang"))
    #expect(returned.lines.map(\.to) == ["WH-CENTRAL", "WH-CENTRAL"])
    #expect(returned.lines.map(\.quantity) == [90, 10])
    #expect(returned.writeOffs == ["ADJ-2026-000001"], "the damaged part awaits write-off")
    #expect(try office.onHand("GLOVE", at: "SITE-CP3") == 200)
    #expect(try office.onHand("GLOVE", at: "WH-CENTRAL") == 600)
    #expect(try office.available("GLOVE") == 590)
    #expect(try office.verify().ok)
  }

  @Test func timelinessGivesMedianAndNinetiethPercentilePerPriority() throws {
    let office = try TestOffice()
    try office.receive("GLOVE", 10_000)
    for (index, hours) in [1, 2, 3, 10].enumerated() {
      let number = "REQ-2026-00000\(index + 1)"
      try office.request([("GLOVE", 10)], priority: .urgent, neededBy: Day("2026-11-29"))
      office.clock.advance(hours: Int64(hours))
      try office.approve(number)
      try office.ship(number)
      try office.confirm(number)
    }
    let report = try office.depot.timeliness(from: nil, to: nil, as: "zhang")
    let urgent = try #require(report.priorities.first { $0.priority == "urgent" })
    #expect(urgent.requests == 4)
    #expect(urgent.requestToApproval.medianHours == 2)
    #expect(urgent.requestToApproval.p90Hours == 10)
    #expect(urgent.approvalToShipment.medianHours == 0)
    #expect(report.priorities.first { $0.priority == "normal" }?.requests == 0)
    #expect(report.late.map(\.number) == ["REQ-2026-000004"], "confirmed after midnight")
  }
}
