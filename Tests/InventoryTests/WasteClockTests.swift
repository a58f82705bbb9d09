import Testing

@testable import Inventory

@Suite struct WasteClockTests {
  func overdue(_ office: TestOffice) throws -> [String] {
    try office.depot.wasteList(WasteListFilter(overdueOnly: true), as: "wang").map(\.batch)
  }

  @Test func aBatchIsOverdueOnlyOnceFortyEightHoursHavePassedSinceCollection() throws {
    let office = try TestOffice()
    try office.addWasteSetUp()
    try office.collect(grams: 5_000)
    try office.store("WST-2026-000001")
    office.clock.advance(hours: 47)
    #expect(try overdue(office) == [])
    #expect(try office.depot.wasteReport(from: nil, to: nil, as: "wang").overdue == [])
    office.clock.advance(hours: 2)
    #expect(try overdue(office) == ["WST-2026-000001"])
    let report = try office.depot.wasteReport(from: nil, to: nil, as: "wang")
    #expect(report.overdue == ["WST-2026-000001"])
    #expect(report.batches.map(\.overdue) == [true])
    try office.handOver(["WST-2026-000001"], grams: 5_000, containers: 1)
    #expect(try overdue(office) == [])
    let after = try office.depot.wasteReport(from: nil, to: nil, as: "wang")
    #expect(after.overdue == [])
    #expect(after.handedOverLate == ["WST-2026-000001"])
  }

  @Test func aWriteOffBatchsClockStartsWhenTheWriteOffIsApproved() throws {
    let office = try TestOffice()
    try office.addWasteSetUp()
    try office.receive("GLOVE", 100)
    try office.writeOff("GLOVE", 10, reason: .damaged)
    office.clock.advance(hours: 30)
    try office.decideWriteOff(.approve, "ADJ-2026-000001")
    office.clock.advance(hours: 47)
    #expect(try overdue(office) == [])
    office.clock.advance(hours: 2)
    #expect(try overdue(office) == ["WST-2026-000001"], "unweighed, it still counts")
  }

  @Test func theReportCoversTheBatchesOpenedInThePeriodWithTotalsPerClass() throws {
    let office = try TestOffice()
    try office.addWasteSetUp()
    try office.collect(grams: 5_000)
    try office.collect(.sharps, grams: 700)
    office.clock.advance(hours: 24)
    try office.collect(grams: 2_500, containers: 2)
    let all = try office.depot.wasteReport(from: nil, to: nil, as: "audit")
    #expect(all.batches.count == 3)
    #expect(
      all.categories == [
        .init(category: "infectious", batches: 2, grams: 7_500),
        .init(category: "sharps", batches: 1, grams: 700),
      ])
    let secondDay = try office.depot.wasteReport(
      from: Day("2026-11-30"), to: Day("2026-11-30"), as: "audit")
    #expect(secondDay.batches.map(\.batch) == ["WST-2026-000003"])
    #expect(
      try office.depot.wasteList(WasteListFilter(state: .collected), as: "audit").count == 3)
  }
}
