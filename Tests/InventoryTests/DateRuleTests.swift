import PropertyBased
import Testing

@testable import Inventory

@Suite struct DateRuleTests {
  @Test func aFutureEffectiveDateIsRefused() throws {
    let office = try TestOffice()
    #expect(throws: DepotError.futureDate(Day("2026-11-30")!, today: Day("2026-11-29")!)) {
      try office.receive("GLOVE", 10, date: Day("2026-11-30"))
    }
  }

  /// A receipt or transfer of gloves made before the outflow under test.
  enum Earlier: Sendable {
    case receive(Int64, on: String)
    case transfer(Int64, on: String)
  }

  /// An outflow from WH-CENTRAL whose day would take the warehouse below zero, and a smaller
  /// or later one that goes through.
  struct Backdated: Sendable, CustomTestStringConvertible {
    var testDescription: String
    var earlier: [Earlier]
    var refused: (quantity: Int64, day: String)
    var allowed: (quantity: Int64, day: String)
    var onHand: (location: String, quantity: Int64)
  }

  static let backdated = [
    Backdated(
      testDescription: "an outflow dated before the receipt that fed it",
      earlier: [.receive(10, on: "2026-11-20")], refused: (5, "2026-11-19"),
      allowed: (5, "2026-11-21"), onHand: ("WH-TOWN", 5)),
    Backdated(
      testDescription: "a backdated outflow taking what a later outflow already used",
      earlier: [
        .receive(10, on: "2026-11-20"), .transfer(8, on: "2026-11-25"),
        .receive(10, on: "2026-11-26"),
      ], refused: (3, "2026-11-22"), allowed: (2, "2026-11-22"), onHand: ("WH-CENTRAL", 10)),
  ]

  @Test(arguments: backdated)
  func aBackdatedOutflowThatWouldGoBelowZeroIsRefused(_ outflow: Backdated) throws {
    let office = try TestOffice()
    for step in outflow.earlier {
      switch step {
      case .receive(let quantity, let day): try office.receive("GLOVE", quantity, date: Day(day))
      case .transfer(let quantity, let day): try office.transfer("GLOVE", quantity, date: Day(day))
      }
    }
    #expect(
      throws: DepotError.backdatedBelowZero(
        item: "GLOVE", location: "WH-CENTRAL", date: Day(outflow.refused.day)!)
    ) {
      try office.transfer("GLOVE", outflow.refused.quantity, date: Day(outflow.refused.day))
    }
    try office.transfer("GLOVE", outflow.allowed.quantity, date: Day(outflow.allowed.day))
    #expect(try office.onHand("GLOVE", at: outflow.onHand.location) == outflow.onHand.quantity)
  }

  @Test func stockCanBeAskedAsOfAnEarlierDay() throws {
    let office = try TestOffice()
    try office.receive("GLOVE", 10, date: Day("2026-11-20"))
    try office.transfer("GLOVE", 4, date: Day("2026-11-25"))
    let before = try office.depot.stock(StockQuery(asOf: Day("2026-11-24")), as: "wang")
    #expect(before.map(\.onHand) == [10])
    let after = try office.depot.stock(StockQuery(asOf: Day("2026-11-25")), as: "wang")
    #expect(after.map(\.location) == ["WH-CENTRAL", "WH-TOWN"])
    #expect(after.map(\.onHand) == [6, 4])
    #expect(try office.depot.stock(StockQuery(asOf: Day("2026-11-19")), as: "wang").isEmpty)
  }

  /// Outflows from every kind of place, each dated before the inflow that would feed it, are
  /// refused before they write anything.
  @Test func everyOutflowDatedBeforeItsInflowIsRefused() throws {
    let office = try TestOffice()
    office.clock.advance(hours: 96)
    let (early, late) = (Day("2026-12-01")!, Day("2026-12-02")!)
    try office.receive("GLOVE", 20, date: late)
    let number = try office.request([("GLOVE", 10)], date: early).number
    #expect(
      throws: DepotError.insufficientStock(
        item: "GLOVE", location: "WH-CENTRAL", available: 0, requested: 10)
    ) {
      try office.approve(number, date: early)
    }
    let below = { (place: String) in
      DepotError.backdatedBelowZero(item: "GLOVE", location: place, date: early)
    }
    #expect(throws: below("WH-CENTRAL")) { try office.transfer("GLOVE", 1, date: early) }
    #expect(throws: below("WH-CENTRAL")) {
      try office.writeOff("GLOVE", 1, reason: .damaged, date: early)
    }
    try office.approve(number, date: late)
    try office.ship(number, date: late)
    try office.confirm(number, date: late)
    #expect(throws: below("SITE-CP3")) {
      try office.depot.reportUse(
        UseReport(site: "SITE-CP3", item: "GLOVE", quantity: QuantityAmount(digits: 1)),
        office.context("li", date: early))
    }
    #expect(throws: below("SITE-CP3")) {
      try office.depot.returnStock(
        StockReturn(
          site: "SITE-CP3", warehouse: "WH-TOWN", item: "GLOVE",
          quantity: QuantityAmount(digits: 1)),
        office.context("wang", date: early))
    }
    #expect(try office.onHand() == ["GLOVE@WH-CENTRAL": 10, "GLOVE@SITE-CP3": 10])
  }

  /// One step of a random run: what it does, how much, and the days (offsets from
  /// 2026-11-29) it and its later steps are dated; an issuance takes them in order.
  struct Step: Sendable, CustomStringConvertible {
    var kind: Int
    var quantity: Int64
    var days: [Int64]
    var description: String {
      "\(["receive", "transfer", "issue", "use", "return"][kind]) \(quantity) on \(days)"
    }
  }

  static let step = zip(
    Gen.int(in: 0...4), Gen.int64(in: 1...15), Gen.int64(in: 0...10).array(of: 4...4)
  ).map { Step(kind: $0, quantity: $1, days: $2.sorted()) }

  /// After a run of steps with random past dates, some refused, stock as of every day in the
  /// range is never negative anywhere (I2), and verify agrees.
  @Test func asOfStockIsNeverNegativeAfterBackdatedSteps() async {
    await checkStepSequences(count: 8, Self.step.array(of: 10...40), Self.run)
  }

  static func run(_ steps: [Step]) throws {
    let office = try TestOffice()
    office.clock.advance(hours: 24 * 10)
    let first = Day("2026-11-29")!
    for step in steps {
      let days = step.days.map { first.adding(days: $0) }
      let (site, quantity) = ("SITE-CP3", QuantityAmount(digits: step.quantity))
      do {
        switch step.kind {
        case 0: try office.receive("GLOVE", step.quantity, date: days[0])
        case 1: try office.transfer("GLOVE", step.quantity, date: days[0])
        case 2:
          let number = try office.request([("GLOVE", step.quantity)], date: days[0]).number
          try office.approve(number, date: days[1])
          try office.ship(number, date: days[2])
          try office.confirm(number, date: days[3])
        case 3:
          _ = try office.depot.reportUse(
            UseReport(site: site, item: "GLOVE", quantity: quantity),
            office.context("li", date: days[0]))
        default:
          _ = try office.depot.returnStock(
            StockReturn(site: site, warehouse: "WH-TOWN", item: "GLOVE", quantity: quantity),
            office.context("wang", date: days[0]))
        }
      } catch is DepotError {}
    }
    for offset in Int64(0)...10 {
      let asOf = first.adding(days: offset)
      for row in try office.depot.stock(StockQuery(asOf: asOf), as: "audit") {
        #expect(row.onHand >= 0, "\(row.item) at \(row.location) on \(asOf): \(row.onHand)")
      }
    }
    #expect(try office.verify().ok)
  }
}
