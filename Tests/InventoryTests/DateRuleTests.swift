import Testing

@testable import Inventory

@Suite struct DateRuleTests {
  @Test func aFutureEffectiveDateIsRefused() throws {
    let office = try TestOffice()
    #expect(throws: DepotError.futureDate(Day("2026-11-30")!, today: Day("2026-11-29")!)) {
      try office.receive("GLOVE", 10, date: Day("2026-11-30"))
    }
  }

  @Test func anOutflowDatedBeforeTheReceiptThatFedItIsRefused() throws {
    let office = try TestOffice()
    try office.receive("GLOVE", 10, date: Day("2026-11-20"))
    #expect(
      throws: DepotError.backdatedBelowZero(
        item: "GLOVE", location: "WH-CENTRAL", date: Day("2026-11-19")!)
    ) {
      try office.transfer("GLOVE", 5, date: Day("2026-11-19"))
    }
    try office.transfer("GLOVE", 5, date: Day("2026-11-21"))
    #expect(try office.onHand("GLOVE", at: "WH-TOWN") == 5)
  }

  @Test func aBackdatedOutflowMayNotTakeWhatALaterOutflowAlreadyUsed() throws {
    let office = try TestOffice()
    try office.receive("GLOVE", 10, date: Day("2026-11-20"))
    try office.transfer("GLOVE", 8, date: Day("2026-11-25"))
    try office.receive("GLOVE", 10, date: Day("2026-11-26"))
    #expect(
      throws: DepotError.backdatedBelowZero(
        item: "GLOVE", location: "WH-CENTRAL", date: Day("2026-11-22")!)
    ) {
      try office.transfer("GLOVE", 3, date: Day("2026-11-22"))
    }
    try office.transfer("GLOVE", 2, date: Day("2026-11-22"))
    #expect(try office.onHand("GLOVE", at: "WH-CENTRAL") == 10)
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
}
