import Testing

@testable import Inventory

/// Every step on an existing document refuses a future date, a date in a closed period and a
/// date before the document's own earlier step, and writes nothing when it does (SPEC §3
/// "Backdating", §10 "Decisions entered late").
@Suite struct StepDateTests {
  /// The day the office is on, after November was closed.
  static let today = Day("2026-12-03")!
  /// The day each case's earlier step is dated.
  static let earlierDay = Day("2026-12-02")!

  /// One use case: what sets up its document with the earlier step dated 2026-12-02, and
  /// the step tried on a given date.
  struct Case: CustomTestStringConvertible, Sendable {
    var step: String
    var earlier: String
    /// Sets up the document; returns the number the refusal names.
    var setUp: @Sendable (TestOffice, Day) throws -> String
    var act: @Sendable (TestOffice, String, Day) throws -> Void
    var testDescription: String { "\(step) after \(earlier)" }
  }

  /// An office on 2026-12-03 with November closed and 100 GLOVE at WH-CENTRAL.
  static func office() throws -> TestOffice {
    let office = try TestOffice()
    try office.addWasteSetUp()
    try office.receive("GLOVE", 100)
    office.clock.advance(hours: 96)
    _ = try office.depot.closePeriod(PeriodCloseInput(period: "2026-11"), office.context("sun"))
    return office
  }

  static func requested(_ office: TestOffice, _ day: Day) throws -> String {
    try office.request([("GLOVE", 10)], date: day).number
  }

  static func approved(_ office: TestOffice, _ day: Day) throws -> String {
    let number = try requested(office, day)
    try office.approve(number, date: day)
    return number
  }

  static func shipped(_ office: TestOffice, _ day: Day) throws -> String {
    let number = try approved(office, day)
    try office.ship(number, date: day)
    return number
  }

  static func purchaseRequested(_ office: TestOffice, _ day: Day) throws -> String {
    try office.depot.requestPurchase(
      PurchaseRequestInput(items: office.amounts([("GLOVE", 10)]), reason: "restock"),
      office.context("wang", date: day)
    ).number
  }

  static func purchaseApproved(_ office: TestOffice, _ day: Day) throws -> String {
    let number = try purchaseRequested(office, day)
    _ = try office.depot.approvePurchase(
      PurchaseApproval(number: number), office.context("zhang", date: day))
    return number
  }

  static func placeOrder(_ office: TestOffice, _ request: String, _ day: Day) throws -> String {
    try office.depot.placeOrder(
      PurchaseOrderInput(request: request, supplier: "SUP-JX", prices: [price("GLOVE", 10)]),
      office.context("zhang", date: day)
    ).number
  }

  static func ordered(_ office: TestOffice, _ day: Day) throws -> String {
    try placeOrder(office, try purchaseApproved(office, day), day)
  }

  static func invoiced(_ office: TestOffice, _ day: Day) throws -> String {
    let order = try ordered(office, day)
    try office.invoice(order, "INV-7", fen: 100, date: day)
    return order
  }

  static func writtenOff(_ office: TestOffice, _ day: Day) throws -> String {
    try office.writeOff("GLOVE", 5, reason: .damaged, date: day).number
  }

  static func collected(_ office: TestOffice, _ day: Day) throws -> String {
    try office.depot.collectWaste(
      WasteCollection(location: "SITE-CP3", category: .infectious, containers: 1, weightGrams: 900),
      office.context("li", date: day)
    ).number
  }

  static func stored(_ office: TestOffice, _ day: Day) throws -> String {
    let batch = try collected(office, day)
    try office.store(batch, date: day)
    return batch
  }

  static func handedOver(_ office: TestOffice, _ day: Day, grams: Int64 = 900) throws -> String {
    try office.handOver([try stored(office, day)], grams: grams, containers: 1, date: day).number
  }

  static let cases: [Case] = [
    Case(step: "approved", earlier: "requested", setUp: requested) { office, number, day in
      try office.approve(number, date: day)
    },
    Case(step: "rejected", earlier: "requested", setUp: requested) { office, number, day in
      try office.decide(.reject, number, date: day)
    },
    Case(step: "cancelled", earlier: "approved", setUp: approved) { office, number, day in
      try office.decide(.cancel, number, date: day)
    },
    Case(step: "shipped", earlier: "approved", setUp: approved) { office, number, day in
      try office.ship(number, date: day)
    },
    Case(step: "confirmed", earlier: "shipped", setUp: shipped) { office, number, day in
      try office.confirm(number, date: day)
    },
    Case(step: "closed", earlier: "approved", setUp: approved) { office, number, day in
      try office.decide(.close, number, date: day)
    },
    Case(step: "approved", earlier: "requested", setUp: purchaseRequested) {
      office, number, day in
      _ = try office.depot.approvePurchase(
        PurchaseApproval(number: number), office.context("zhang", date: day))
    },
    Case(step: "ordered", earlier: "approved", setUp: purchaseApproved) { office, number, day in
      _ = try placeOrder(office, number, day)
    },
    Case(step: "received against", earlier: "ordered", setUp: ordered) { office, number, day in
      try office.receive("GLOVE", 5, against: number, date: day)
    },
    Case(step: "cancelled", earlier: "ordered", setUp: ordered) { office, number, day in
      _ = try office.depot.decideOrder(
        PurchaseOrderDecision(.cancel, number: number, reason: "not needed"),
        office.context("zhang", date: day))
    },
    Case(step: "invoiced", earlier: "ordered", setUp: ordered) { office, number, day in
      try office.invoice(number, "INV-8", fen: 100, date: day)
    },
    Case(step: "paid", earlier: "invoiced", setUp: invoiced) { office, number, day in
      try office.pay(number, fen: 50, date: day)
    },
    Case(step: "approved", earlier: "requested", setUp: writtenOff) { office, number, day in
      try office.decideWriteOff(.approve, number, date: day)
    },
    Case(step: "rejected", earlier: "requested", setUp: writtenOff) { office, number, day in
      try office.decideWriteOff(.reject, number, reason: "not damaged", date: day)
    },
    Case(step: "stored", earlier: "collected", setUp: collected) { office, number, day in
      try office.store(number, date: day)
    },
    Case(step: "handed over", earlier: "stored", setUp: stored) { office, number, day in
      try office.handOver([number], grams: 900, containers: 1, date: day)
    },
    Case(step: "disposed", earlier: "handed over", setUp: { try handedOver($0, $1) }) {
      office, number, day in
      try office.dispose(number, date: day)
    },
    Case(
      step: "resolved", earlier: "handed over", setUp: { try handedOver($0, $1, grams: 2_000) }
    ) { office, number, day in
      _ = try office.depot.resolveManifest(
        WasteResolution(manifest: number, reason: "wet bags"), office.context("zhang", date: day))
    },
  ]

  @Test(arguments: cases) func aStepRefusesAFutureAClosedAndAnEarlierDate(_ step: Case) throws {
    let office = try Self.office()
    let number = try step.setUp(office, Self.earlierDay)
    let (events, stock) = (try office.eventCount(), try office.onHand())
    let refusals: [(Day, DepotError)] = [
      (
        Day("2026-12-04")!,
        .stepInFuture(
          document: number, step: step.step, date: Day("2026-12-04")!, today: Self.today)
      ),
      (
        Day("2026-11-30")!,
        .stepInClosedPeriod(
          document: number, step: step.step, date: Day("2026-11-30")!, period: "2026-11")
      ),
      (
        Day("2026-12-01")!,
        .stepBeforeEarlierStep(
          document: number, step: step.step, date: Day("2026-12-01")!, earlier: step.earlier,
          earlierDate: Self.earlierDay)
      ),
    ]
    for (day, refusal) in refusals {
      #expect(throws: refusal) { try step.act(office, number, day) }
    }
    #expect(try office.eventCount() == events)
    #expect(try office.onHand() == stock)
    try step.act(office, number, Self.earlierDay)
    #expect(try office.eventCount() > events)
  }

  @Test func theRefusalIsOneSentenceNamingTheEarlierStep() {
    let refusal = DepotError.stepBeforeEarlierStep(
      document: "REQ-2026-000003", step: "shipped", date: Day("2026-11-28")!, earlier: "approved",
      earlierDate: Day("2026-11-29")!)
    #expect(
      refusal.description(naming: DashedKeys())
        == "REQ-2026-000003 cannot be shipped on 2026-11-28: it was approved on 2026-11-29; "
        + "use --date 2026-11-29 or later")
    #expect(
      DepotError.stepInClosedPeriod(
        document: "REQ-2026-000003", step: "shipped", date: Day("2026-11-30")!, period: "2026-11"
      ).description(naming: DashedKeys())
        == "REQ-2026-000003 cannot be shipped on 2026-11-30: the period 2026-11 is closed; "
        + "use --date 2026-12-01 or later")
    #expect(
      DepotError.stepInFuture(
        document: "REQ-2026-000003", step: "shipped", date: Day("2026-12-31")!,
        today: Day("2026-12-01")!
      ).description(naming: DashedKeys())
        == "REQ-2026-000003 cannot be shipped on 2026-12-31: that is after today, 2026-12-01; "
        + "use --date 2026-12-01 or earlier")
    #expect(refusal.category == .refused)
  }

  /// A decision entered late keeps its effective date: a shipment dated between the
  /// approval's effective date and the day it was entered goes through.
  @Test func aLateApprovalCountsFromItsEffectiveDate() throws {
    let office = try Self.office()
    let number = try Self.requested(office, Day("2026-12-01")!)
    office.clock.advance(hours: 24)
    try office.approve(number, date: Day("2026-12-01")!)
    try office.ship(number, date: Day("2026-12-02")!)
    #expect(
      throws: DepotError.stepBeforeEarlierStep(
        document: number, step: "confirmed", date: Day("2026-12-01")!, earlier: "shipped",
        earlierDate: Day("2026-12-02")!)
    ) {
      try office.confirm(number, date: Day("2026-12-01")!)
    }
    try office.confirm(number, date: Day("2026-12-02")!)
    #expect(try office.onHand("GLOVE", at: "SITE-CP3") == 10)
    #expect(try office.verify().ok)
  }
}
