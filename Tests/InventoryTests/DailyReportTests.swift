import Testing

@testable import Inventory

@Suite struct DailyReportTests {
  @Test func theDayShowsArrivalsIssuesByPriorityAndWhatIsStillWaiting() throws {
    let office = try TestOffice()
    try office.receive("GLOVE", 1000, value: 5000)
    try office.request([("GLOVE", 100)], priority: .urgent)
    try office.approve("REQ-2026-000001")
    try office.ship("REQ-2026-000001")
    try office.request([("GLOVE", 50)], priority: .normal)
    try office.request([("GLOVE", 70)], priority: .high)
    try office.approve("REQ-2026-000003")
    office.clock.advance(hours: 5)
    let report = try office.depot.dailyReport(on: nil, as: "zhang")
    #expect(report.received.map(\.quantity) == [1000])
    #expect(report.received.map(\.kind) == ["purchase"])
    #expect(report.issuedByPriority.map(\.priority) == ["urgent"])
    #expect(report.issuedBySite.map(\.quantity) == [100])
    #expect(report.pending.map(\.number) == ["REQ-2026-000002", "REQ-2026-000003"])
    #expect(report.pending.map(\.waitingFor) == ["approval", "shipment"])
    #expect(report.pending.map(\.ageHours) == [5, 5])
    #expect(report.issuancePerDay.last?.quantity == 100)
    #expect(report.reserves.map(\.available) == [830])
  }

  @Test func theDayShowsWasteCollectedHandedOverAndOverdue() throws {
    let office = try TestOffice()
    try office.addWasteSetUp()
    let old = try office.collect(grams: 5000).number
    office.clock.advance(hours: 50)
    let fresh = try office.collect(grams: 1200, containers: 2).number
    try office.store(fresh)
    try office.handOver([fresh], grams: 1200, containers: 2)
    let report = try office.depot.dailyReport(on: nil, as: "zhang")
    #expect(report.wasteCollected.map(\.batch) == [fresh])
    #expect(report.wasteCollected.map(\.grams) == [1200])
    #expect(report.wasteHandedOver.map(\.manifest) == ["3401-2026-118"])
    #expect(report.wasteOverdue == [old])
  }
}
