import Testing

@testable import Inventory

@Suite struct PeriodCloseTests {
  /// An office on 2026-12-02 with November's stock and an order placed in November.
  func officeInDecember() throws -> (TestOffice, order: String) {
    let office = try TestOffice()
    try office.receive("GLOVE", 100, value: 1_000)
    let order = try office.order([("GLOVE", 100)], prices: [price("GLOVE", 10)]).number
    office.clock.advance(hours: 72)
    return (office, order)
  }

  @Test func afterClosingAMonthNothingPostsInItOrBefore() throws {
    let (office, order) = try officeInDecember()
    let closure = try office.depot.closePeriod(
      PeriodCloseInput(period: "2026-11"), office.context("sun"))
    #expect(closure.lastDay == "2026-11-30")
    let november = Day("2026-11-30")!
    let refusal = DepotError.closedPeriod(november, period: "2026-11")
    #expect(refusal.description.contains("closed period 2026-11"))
    #expect(throws: refusal) { try office.receive("GLOVE", 1, value: 1, date: november) }
    let onOrder = { (step: String) in
      DepotError.stepInClosedPeriod(document: order, step: step, date: november, period: "2026-11")
    }
    #expect(throws: onOrder("received against")) {
      try office.receive("GLOVE", 1, against: order, date: november)
    }
    #expect(throws: refusal) { try office.transfer("GLOVE", 1, date: november) }
    #expect(throws: onOrder("invoiced")) {
      try office.invoice(order, "INV-1", fen: 100, date: november)
    }
    #expect(throws: onOrder("paid")) { try office.pay(order, fen: 1, date: november) }
    #expect(throws: DepotError.closedPeriod(Day("2026-10-15")!, period: "2026-11")) {
      try office.depot.requestPurchase(
        PurchaseRequestInput(items: office.amounts([("GLOVE", 1)]), reason: "x"),
        office.context("wang", date: Day("2026-10-15")))
    }
    try office.receive("GLOVE", 1, against: order, date: Day("2026-12-01"))
    try office.invoice(order, "INV-1", fen: 10)
    #expect(try office.verify().ok)
  }

  @Test func aMonthIsClosedOnlyOnceItHasEnded() throws {
    let (office, _) = try officeInDecember()
    #expect(throws: DepotError.periodNotOver(period: "2026-12", today: Day("2026-12-02")!)) {
      try office.depot.closePeriod(PeriodCloseInput(period: "2026-12"), office.context("sun"))
    }
    for bad in ["2026-13", "2026-1", "26-11", "2026-+1", "november"] {
      #expect(throws: DepotError.self, "\(bad)") {
        try office.depot.closePeriod(PeriodCloseInput(period: bad), office.context("sun"))
      }
    }
  }

  @Test func aClosedMonthOrAnEarlierOneIsNotClosedAgain() throws {
    let (office, _) = try officeInDecember()
    _ = try office.depot.closePeriod(PeriodCloseInput(period: "2026-11"), office.context("sun"))
    for period in ["2026-11", "2026-10"] {
      #expect(throws: DepotError.periodAlreadyClosed(period: period, closedUpTo: "2026-11")) {
        try office.depot.closePeriod(PeriodCloseInput(period: period), office.context("sun"))
      }
    }
  }

  @Test func onlyFinanceClosesPeriods() throws {
    let (office, _) = try officeInDecember()
    #expect(
      throws: DepotError.missingRole(user: "chen", action: "close periods", roles: [.finance])
    ) {
      try office.depot.closePeriod(PeriodCloseInput(period: "2026-11"), office.admin)
    }
  }

  @Test func aClosedPeriodRemovedBehindTheProgramsBackIsFound() throws {
    let (office, _) = try officeInDecember()
    _ = try office.depot.closePeriod(PeriodCloseInput(period: "2026-11"), office.context("sun"))
    try office.execute("DELETE FROM period_close")
    let report = try office.verify()
    #expect(
      report.failedChecks == [VerificationTests.ordersCheck, VerificationTests.signedCheck])
    #expect(
      report.problem(of: VerificationTests.ordersCheck)?.hasPrefix("closed period 2026-11") == true)
  }
}
