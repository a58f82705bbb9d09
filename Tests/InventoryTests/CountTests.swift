import Testing

@testable import Inventory

@Suite struct CountTests {
  func count(
    _ office: TestOffice, _ item: String, lot: String? = nil, counted: Int64,
    reason: CountReason? = nil, at place: String = "WH-CENTRAL", as user: String = "wang"
  ) throws -> CountView {
    try office.depot.count(
      CountRequest(
        location: place,
        lines: [CountedLine(item: item, lot: lot, counted: QuantityAmount(digits: counted))],
        reason: reason), office.context(user))
  }

  func decide(
    _ office: TestOffice, _ number: String, approve: Bool = true, as user: String = "zhang"
  )
    throws -> AdjustmentView
  {
    try office.depot.decideAdjustment(
      AdjustmentDecision(
        approve ? .approve : .reject, number: number, reason: approve ? nil : "recount"),
      office.context(user))
  }

  @Test func aShortageBecomesAnAdjustmentThatPostsToLostOnceApproved() throws {
    let office = try TestOffice()
    try office.receive("MASK-SURG", 40_000, lot: "L2301", expiry: "2028-01-31", value: 1_400_000)
    let counted = try count(office, "MASK-SURG", lot: "L2301", counted: 39_850)
    #expect(counted.number == "CNT-2026-000001")
    #expect(counted.state == "pending")
    #expect(counted.lines.map(\.variance) == [-150])
    #expect(counted.adjustments == ["ADJ-2026-000001"])
    #expect(try office.available("MASK-SURG") == 39_850, "the shortage is held until decided")
    #expect(try office.onHand("MASK-SURG", at: "WH-CENTRAL") == 40_000)
    let approved = try decide(office, "ADJ-2026-000001")
    #expect(approved.state == "approved")
    #expect(approved.reason == "lost")
    #expect(try office.onHand("MASK-SURG", at: "WH-CENTRAL") == 39_850)
    let card = try office.depot.card(
      CardQuery(item: "MASK-SURG", location: "WH-CENTRAL"), as: "audit")
    #expect(card.entries.last?.to == "lost")
    #expect(card.entries.last?.value == "52.50")
    #expect(try office.depot.stockCount("CNT-2026-000001", as: "audit").state == "closed")
    #expect(try office.verify().ok)
  }

  @Test func aSurplusComesBackAtTheLotsValueAsReceived() throws {
    let office = try TestOffice()
    try office.receive("GLOVE", 100, value: 1000)
    let counted = try count(office, "GLOVE", counted: 104)
    #expect(counted.lines.map(\.variance) == [4])
    #expect(try office.available("GLOVE") == 100, "found stock is not available before approval")
    let approved = try decide(office, try #require(counted.adjustments.first))
    #expect(approved.reason == "found")
    #expect(try office.onHand("GLOVE", at: "WH-CENTRAL") == 104)
    let rows = try office.depot.stock(StockQuery(location: "WH-CENTRAL"), as: "audit")
    #expect(rows.map(\.value) == ["10.40"])
    #expect(try office.verify().ok)
  }

  @Test func whoeverCountedCannotApproveTheVariance() throws {
    let office = try TestOffice()
    _ = try office.depot.changeUser(
      UserChange(.grant, name: "zhang", roles: [.clerk]), office.admin)
    try office.receive("GLOVE", 100)
    let counted = try count(office, "GLOVE", counted: 90, as: "zhang")
    #expect(
      throws: DepotError.fourEyes(
        user: "zhang", document: "ADJ-2026-000001", earlierStep: "counted for")
    ) {
      try decide(office, try #require(counted.adjustments.first))
    }
    #expect(try office.onHand("GLOVE", at: "WH-CENTRAL") == 100)
  }

  @Test func aRejectedVarianceChangesNothingAndClosesTheCount() throws {
    let office = try TestOffice()
    try office.receive("GLOVE", 100)
    let counted = try count(office, "GLOVE", counted: 90, reason: .damaged)
    let rejected = try decide(office, try #require(counted.adjustments.first), approve: false)
    #expect(rejected.state == "rejected")
    #expect(try office.onHand("GLOVE", at: "WH-CENTRAL") == 100)
    #expect(try office.available("GLOVE") == 100)
    #expect(try office.depot.stockCount(counted.number, as: "audit").state == "closed")
  }

  @Test func aCountThatMatchesTheBooksClosesAtOnce() throws {
    let office = try TestOffice()
    try office.receive("GLOVE", 100)
    let counted = try count(office, "GLOVE", counted: 100)
    #expect(counted.state == "closed")
    #expect(counted.adjustments.isEmpty)
  }

  @Test func countingWhereStockIsReservedIsAllowedAndSaysSo() throws {
    let office = try TestOffice()
    try office.receive("GLOVE", 100)
    try office.request([("GLOVE", 30)])
    try office.approve("REQ-2026-000001")
    let counted = try count(office, "GLOVE", counted: 100)
    #expect(counted.reservedAtCount == 30)
  }

  @Test func reasonsMustFitTheDirection() throws {
    let office = try TestOffice()
    try office.receive("GLOVE", 100)
    #expect(
      throws: DepotError.invalidOption(
        field: .reason, reason: "'found' cannot explain finding less than the books")
    ) {
      try count(office, "GLOVE", counted: 90, reason: .found)
    }
    #expect(
      throws: DepotError.invalidOption(
        field: .reason, reason: "'lost' cannot explain finding more than the books")
    ) {
      try count(office, "GLOVE", counted: 110, reason: .lost)
    }
    #expect(throws: DepotError.missingRole(user: "zhang", action: "count stock", roles: [.clerk])) {
      try count(office, "GLOVE", counted: 100, as: "zhang")
    }
  }

  @Test func aLotWithAPendingVarianceIsNotCountedAgain() throws {
    let office = try TestOffice()
    try office.receive("GLOVE", 100)
    _ = try count(office, "GLOVE", counted: 90)
    #expect(
      throws: DepotError.wrongState(
        document: "ADJ-2026-000001", state: "awaiting approval",
        action: "overtaken by a new count; an approver decides it first")
    ) {
      try count(office, "GLOVE", counted: 80)
    }
  }

  @Test func aCountSheetReadsEveryRowOrNamesEveryBadOne() throws {
    let sheet = Array(
      "item,lot,counted,unit\r\nMASK-SURG,L1,39850,\r\nGLOVE,,4,box\r\nTHERMO-IR,IR-1,0,\r\n".utf8)
    let lines = try CountSheet.lines(sheet, file: "sheet.csv")
    #expect(lines.map(\.item) == ["MASK-SURG", "GLOVE", "THERMO-IR"])
    #expect(lines.map(\.lot) == ["L1", nil, "IR-1"])
    #expect(lines.map(\.counted.digits) == [39850, 4, 0])
    let bad = Array("item,counted\nGLOVE,many\n,3\nGLOVE,5\n".utf8)
    #expect(throws: DepotError.self) { try CountSheet.lines(bad, file: "bad.csv") }
    do {
      _ = try CountSheet.lines(bad, file: "bad.csv")
    } catch DepotError.importRejected(_, let problems) {
      #expect(problems.map(\.line) == [2, 3])
    }
  }
}
