import Ledger
import Testing

@testable import Inventory

/// Decisions per line (SPEC §10): each line keeps requested, approved and declined; the rest
/// awaits a decision, which may come later while the request is open.
@Suite struct LineDecisionTests {
  let number = "REQ-2026-000001"

  /// An office with 5000 gloves and 1000 masks, and li's request for 2000 gloves and 500 masks.
  func officeWithARequest() throws -> TestOffice {
    let office = try TestOffice()
    try office.receive("GLOVE", 5000)
    try office.receive("MASK-SURG", 1000, lot: "L1", expiry: "2028-01-01")
    try office.request([("GLOVE", 2000), ("MASK-SURG", 500)])
    return office
  }

  func approve(
    _ office: TestOffice, _ pairs: [(String, Int64)] = [], declining: [ItemDecline] = [],
    number: String? = nil, date: Day? = nil
  ) throws -> IssuanceView {
    try office.depot.approveIssue(
      IssueApproval(
        number: number ?? self.number, items: office.amounts(pairs), declines: declining),
      office.context("zhang", date: date))
  }

  /// Every event recorded so far, to show that a refusal wrote nothing.
  func eventCount(_ office: TestOffice) throws -> Int {
    try office.depot.issuance(number, as: "audit").history.count
  }

  @Test func aLineDeclinedKeepsItsReasonAndTheOtherIsApprovedInFull() throws {
    let office = try officeWithARequest()
    let view = try approve(
      office, declining: [ItemDecline(item: "mask-surg", reason: "site stock covers it")])
    #expect(view.state == "approved")
    #expect(view.lines.map(\.approved) == [2000, 0])
    #expect(view.lines.map(\.declined) == [0, 500])
    #expect(view.lines.map(\.declineReason) == [nil, "site stock covers it"])
    #expect(view.lines.map(\.awaitingDecision) == [0, 0])
    #expect(!view.awaitsDecision)
    #expect(try office.available("MASK-SURG") == 1000, "nothing of the declined line is reserved")
    #expect(
      throws: DepotError.lineDeclined(
        document: number, item: "MASK-SURG", declined: 500, reason: "site stock covers it",
        step: "shipped")
    ) { try office.ship(number, [("MASK-SURG", 10)]) }
    #expect(try office.ship(number).lines.map(\.shipped) == [2000, 0])
    let closed = try office.confirm(number)
    #expect(closed.state == "closed", "nothing awaits a decision once the mask line is declined")
    #expect(try office.verify().ok)
  }

  @Test func whatIsNotApprovedAwaitsADecisionAndIsApprovedLater() throws {
    let office = try officeWithARequest()
    let part = try approve(office, [("GLOVE", 1500)])
    #expect(part.lines.map(\.approved) == [1500, 500])
    #expect(part.lines.map(\.awaitingDecision) == [500, 0])
    #expect(part.awaitsDecision)
    try office.ship(number)
    let confirmed = try office.confirm(number)
    #expect(confirmed.state == "confirmed", "500 gloves still await a decision")
    let report = try office.depot.dailyReport(on: nil, as: "audit")
    #expect(report.pending.map(\.number) == [number])
    #expect(report.pending.map(\.waitingFor) == ["decision"])
    #expect(report.unmetDemand.map(\.item) == ["GLOVE"])
    #expect(report.unmetDemand.map(\.awaitingDecision) == [500])
    let more = try approve(office)
    #expect(more.state == "confirmed")
    #expect(more.lines.map(\.approved) == [2000, 500])
    #expect(more.lines.map(\.reserved) == [500, 0])
    try office.ship(number)
    #expect(try office.confirm(number).state == "closed")
    #expect(try office.depot.dailyReport(on: nil, as: "audit").unmetDemand == [])
    #expect(try office.verify().ok)
  }

  @Test func anApprovalBeyondWhatIsRequestedOrAwaitingIsRefusedAndWritesNothing() throws {
    let office = try officeWithARequest()
    #expect(
      throws: DepotError.exceedsRequested(
        document: number, item: "GLOVE", requested: 2000, asked: 2500)
    ) { try approve(office, [("GLOVE", 2500)]) }
    #expect(try eventCount(office) == 1)
    try approve(office, [("GLOVE", 1500)])
    let before = try office.depot.issuance(number, as: "audit")
    #expect(
      throws: DepotError.exceedsAwaitingDecision(
        document: number, item: "GLOVE", requested: 2000, awaiting: 500, asked: 600)
    ) { try approve(office, [("GLOVE", 600)]) }
    #expect(
      throws: DepotError.nothingAwaitingDecision(
        document: number, item: "MASK-SURG", approved: 500, declined: 0)
    ) { try approve(office, declining: [ItemDecline(item: "MASK-SURG", reason: "too late")]) }
    #expect(try office.depot.issuance(number, as: "audit") == before)
  }

  @Test func decliningEveryLineIsARejection() throws {
    let office = try officeWithARequest()
    #expect(throws: DepotError.everyLineDeclined(document: number)) {
      try approve(
        office,
        declining: [
          ItemDecline(item: "GLOVE", reason: "no"), ItemDecline(item: "MASK-SURG", reason: "no"),
        ])
    }
    #expect(throws: DepotError.notOnDocument(document: number, item: "THERMO-IR")) {
      try approve(office, declining: [ItemDecline(item: "THERMO-IR", reason: "no")])
    }
    #expect(try eventCount(office) == 1)
    let rejected = try office.decide(.reject, number)
    #expect(rejected.lines.map(\.declined) == [2000, 500])
    #expect(rejected.lines.map(\.declineReason) == ["because", "because"])
  }

  @Test func closingDeclinesTheRestAndAClosedRequestIsNotApprovedMore() throws {
    let office = try officeWithARequest()
    try approve(office, [("GLOVE", 1500), ("MASK-SURG", 100)])
    let closed = try office.decide(.close, number)
    #expect(closed.state == "closed")
    #expect(closed.lines.map(\.declined) == [500, 400])
    #expect(closed.lines.map(\.declineReason) == ["because", "because"])
    #expect(closed.lines.map(\.released) == [1500, 100])
    #expect(
      throws: DepotError.wrongState(document: number, state: "closed", action: "approved")
    ) { try approve(office) }
    let report = try office.depot.dailyReport(on: nil, as: "audit")
    #expect(report.unmetDemand.map(\.declined) == [500, 400], "declined today, with the reason")
    #expect(report.unmetDemand.map(\.awaitingDecision) == [0, 0])
    #expect(report.pending == [])
    #expect(try office.verify().ok)
  }

  @Test func aDecisionEnteredLateIsTimedOnItsEffectiveDayAndCountedApart() throws {
    let office = try TestOffice()
    try office.receive("GLOVE", 5000, date: Day("2026-11-27")!)
    try office.request([("GLOVE", 100)], date: Day("2026-11-27")!)
    #expect(
      throws: DepotError.stepBeforeEarlierStep(
        document: number, step: "approved", date: Day("2026-11-26")!, earlier: "requested",
        earlierDate: Day("2026-11-27")!)
    ) { try approve(office, date: Day("2026-11-26")!) }
    let approved = try approve(office, date: Day("2026-11-28")!)
    #expect(approved.history.last?.at == TestOffice.start, "the time it was entered is kept")
    #expect(
      throws: DepotError.stepBeforeEarlierStep(
        document: number, step: "shipped", date: Day("2026-11-27")!, earlier: "approved",
        earlierDate: Day("2026-11-28")!)
    ) { try office.ship(number, date: Day("2026-11-27")!) }
    try office.ship(number)
    let report = try office.depot.timeliness(from: nil, to: nil, as: "audit")
    let normal = try #require(report.priorities.first { $0.priority == "normal" })
    // Requested and approved at the end of their days (Shanghai): 24 hours apart.
    #expect(normal.requestToApproval.medianHours == 24)
    #expect(normal.requestToApproval.lateEntered == 1)
    #expect(normal.approvalToShipment.lateEntered == 1)
    #expect(normal.approvalToShipment.count == 1)
  }

  @Test func aPurchaseRequestIsDecidedPerLineUntilItIsOrdered() throws {
    let office = try TestOffice()
    let request = try office.depot.requestPurchase(
      PurchaseRequestInput(
        items: office.amounts([("GLOVE", 1000), ("MASK-SURG", 500), ("DISINF-84", 20)]),
        reason: "reserve below floor"),
      office.context("wang"))
    let first = try office.depot.approvePurchase(
      PurchaseApproval(
        number: request.number, items: office.amounts([("GLOVE", 600)]),
        declines: [ItemDecline(item: "DISINF-84", reason: "donation covers it")]),
      office.context("zhang"))
    #expect(first.lines.map(\.approved) == [600, 500, 0])
    #expect(first.lines.map(\.declined) == [0, 0, 20])
    #expect(first.lines.map(\.awaitingDecision) == [400, 0, 0])
    #expect(
      throws: DepotError.exceedsAwaitingDecision(
        document: request.number, item: "GLOVE", requested: 1000, awaiting: 400, asked: 500)
    ) {
      try office.depot.approvePurchase(
        PurchaseApproval(number: request.number, items: office.amounts([("GLOVE", 500)])),
        office.context("zhang"))
    }
    let more = try office.depot.approvePurchase(
      PurchaseApproval(number: request.number, items: office.amounts([("GLOVE", 100)])),
      office.context("zhang"))
    #expect(more.lines.map(\.approved) == [700, 500, 0])
    #expect(
      throws: DepotError.lineDeclined(
        document: request.number, item: "DISINF-84", declined: 20, reason: "donation covers it",
        step: "ordered")
    ) {
      try office.depot.placeOrder(
        PurchaseOrderInput(
          request: request.number, supplier: "SUP-JX",
          prices: [
            ItemPrice(item: "GLOVE", amount: 10), ItemPrice(item: "MASK-SURG", amount: 20),
            ItemPrice(item: "DISINF-84", amount: 30),
          ]),
        office.context("zhang"))
    }
    let order = try office.depot.placeOrder(
      PurchaseOrderInput(
        request: request.number, supplier: "SUP-JX",
        prices: [ItemPrice(item: "GLOVE", amount: 10), ItemPrice(item: "MASK-SURG", amount: 20)]),
      office.context("zhang"))
    #expect(order.lines.map(\.ordered) == [700, 500])
    guard case .request(let ordered) = try office.depot.procurement(request.number, as: "audit")
    else { Issue.record("a purchase request shows as one"); return }
    #expect(ordered.lines.map(\.declined) == [300, 0, 20], "what awaited is declined at order")
    #expect(ordered.lines.map(\.awaitingDecision) == [0, 0, 0])
    #expect(
      throws: DepotError.wrongState(
        document: request.number, state: "ordered", action: "approved")
    ) {
      try office.depot.approvePurchase(
        PurchaseApproval(number: request.number), office.context("zhang"))
    }
    #expect(try office.verify().ok)
  }
}
