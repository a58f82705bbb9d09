import Testing

@testable import Inventory

@Suite struct WriteOffTests {
  let adjustment = "ADJ-2026-000001"

  /// An office with 40 boxes of CAPS-XL lot X1 that expired on 2026-11-01, received before.
  func officeWithExpiredCapsules() throws -> TestOffice {
    let office = try TestOffice()
    try office.addWasteSetUp()
    try office.receive(
      "CAPS-XL", 40, lot: "X1", expiry: "2026-11-01", value: 8_000, date: Day("2026-10-01"))
    return office
  }

  @Test func aWriteOffHoldsTheStockUntilAnApproverSignsItIntoAWasteBatch() throws {
    let office = try officeWithExpiredCapsules()
    let requested = try office.writeOff("CAPS-XL", 40, lot: "X1", reason: .expired)
    #expect(requested.number == adjustment)
    #expect(requested.state == "requested")
    #expect(requested.lines.map(\.quantity) == [40])
    #expect(requested.history.map(\.signed) == [true], "the clerk signs the write-off")
    #expect(try office.onHand("CAPS-XL", at: "WH-CENTRAL") == 40)
    #expect(try office.available("CAPS-XL") == 0)
    let approved = try office.decideWriteOff(.approve, adjustment)
    #expect(approved.state == "approved")
    #expect(approved.wasteBatch == "WST-2026-000001")
    #expect(approved.wasteCategory == "pharmaceutical")
    #expect(approved.history.map(\.action) == ["writeoff.request", "adjust.approve"])
    #expect(approved.history.map(\.signed) == [true, true])
    let batch = try office.depot.wasteBatch("WST-2026-000001", as: "audit")
    #expect(batch.state == "awaiting-collection")
    #expect(batch.register.writeOff == adjustment)
    #expect(batch.register.contents == "CAPS-XL X1 40 box")
    #expect(batch.lines.map(\.quantity) == [40])
    #expect(try office.available("CAPS-XL") == 0, "approved stock stays out of available")
    #expect(try office.verify().ok)
  }

  @Test func aRejectedWriteOffMakesTheStockAvailableAgain() throws {
    let office = try TestOffice()
    try office.receive("DISINF-84", 500, lot: "D1", expiry: "2027-11-07")
    try office.writeOff("DISINF-84", 100, lot: "D1", reason: .damaged)
    #expect(try office.available("DISINF-84") == 400)
    #expect(throws: DepotError.reasonRequired(action: "reject a write-off")) {
      try office.decideWriteOff(.reject, adjustment)
    }
    let rejected = try office.decideWriteOff(.reject, adjustment, reason: "drums are intact")
    #expect(rejected.state == "rejected")
    #expect(rejected.history.last?.reason == "drums are intact")
    #expect(rejected.history.last?.signed == true)
    #expect(try office.available("DISINF-84") == 500)
    #expect(
      throws: DepotError.wrongState(document: adjustment, state: "rejected", action: "approved")
    ) {
      try office.decideWriteOff(.approve, adjustment)
    }
  }

  @Test func whoeverWroteStockOffMayNotApproveIt() throws {
    let office = try TestOffice()
    try office.addClerkApprover()
    try office.receive("GLOVE", 100)
    try office.writeOff("GLOVE", 10, reason: .damaged, as: "qian")
    #expect(
      throws: DepotError.fourEyes(user: "qian", document: adjustment, earlierStep: "wrote off")
    ) {
      try office.decideWriteOff(.approve, adjustment, as: "qian")
    }
    #expect(try office.decideWriteOff(.approve, adjustment).state == "approved")
  }

  @Test func theReasonMustFitTheLot() throws {
    let office = try TestOffice()
    try office.receive("DISINF-84", 500, lot: "D1", expiry: "2027-11-07")
    try office.receive("GLOVE", 100)
    #expect(
      throws: DepotError.lotNotExpired(item: "DISINF-84", lot: "D1", expiry: Day("2027-11-07")!)
    ) {
      try office.writeOff("DISINF-84", 10, lot: "D1", reason: .expired)
    }
    #expect(throws: DepotError.lotNotRecalled(item: "DISINF-84", lot: "D1")) {
      try office.writeOff("DISINF-84", 10, lot: "D1", reason: .recalled)
    }
    #expect(
      throws: DepotError.invalidOption(
        field: .reason, reason: "'expired' needs a lot with an expiry date; GLOVE has none")
    ) {
      try office.writeOff("GLOVE", 10, reason: .expired)
    }
    #expect(
      throws: DepotError.invalidOption(
        field: .lot, reason: "is required: DISINF-84 is tracked by lot")
    ) {
      try office.writeOff("DISINF-84", 10, reason: .damaged)
    }
  }

  @Test func stockIsNeverWrittenOffTwice() throws {
    let office = try TestOffice()
    try office.receive("DISINF-84", 500, lot: "D1", expiry: "2027-11-07")
    try office.writeOff("DISINF-84", 400, lot: "D1", reason: .damaged)
    #expect(
      throws: DepotError.insufficientStock(
        item: "DISINF-84", location: "WH-CENTRAL in lot D1", available: 100, requested: 200)
    ) {
      try office.writeOff("DISINF-84", 200, lot: "D1", reason: .damaged)
    }
  }

  @Test func stockAwaitingWriteOffCannotBeShippedTransferredOrApproved() throws {
    let office = try TestOffice()
    try office.receive("GLOVE", 100)
    try office.writeOff("GLOVE", 80, reason: .damaged)
    #expect(
      throws: DepotError.insufficientStock(
        item: "GLOVE", location: "WH-CENTRAL", available: 20, requested: 30)
    ) {
      try office.transfer("GLOVE", 30)
    }
    try office.request([("GLOVE", 30)])
    #expect(
      throws: DepotError.insufficientStock(
        item: "GLOVE", location: "WH-CENTRAL", available: 20, requested: 30)
    ) {
      try office.approve("REQ-2026-000001")
    }
  }

  @Test func theReserveReportAndTheStockAgreeOnWhatIsUnusable() throws {
    let office = try TestOffice()
    try office.receive("GLOVE", 100)
    try office.receive("MASK-SURG", 100, lot: "L7", expiry: "2028-01-31")
    try office.writeOff("GLOVE", 30, reason: .damaged)
    _ = try office.depot.recall(LotRecall(lot: "L7", reason: "notice"), office.context("zhang"))
    let report = try office.depot.reserveReport(as: "zhang")
    #expect(
      report.map { "\($0.item) \($0.onHand) \($0.available)" } == [
        "GLOVE 100 70", "MASK-SURG 100 0",
      ])
    #expect(try office.available("GLOVE") == 70)
    #expect(try office.available("MASK-SURG") == 0)
  }

  @Test func goodsDamagedOnArrivalAreWrittenOffAtTheSiteIntoAnInfectiousBatch() throws {
    let office = try TestOffice()
    try office.addWasteSetUp()
    try office.receive("MASK-SURG", 1000, lot: "L1", expiry: "2028-01-31", value: 10_000)
    try office.request([("MASK-SURG", 500)])
    try office.approve("REQ-2026-000001")
    try office.ship("REQ-2026-000001")
    let confirmed = try office.confirm(
      "REQ-2026-000001", received: [("MASK-SURG", 450)], damaged: [("MASK-SURG", 50)])
    #expect(confirmed.writeOffs == [adjustment])
    let writeOff = try office.depot.adjustment(adjustment, as: "audit")
    #expect(writeOff.location == "SITE-CP3")
    #expect(writeOff.reason == "damaged")
    #expect(writeOff.origin == "REQ-2026-000001")
    #expect(writeOff.createdBy == "li")
    #expect(try office.onHand("MASK-SURG", at: "SITE-CP3") == 500)
    #expect(try office.available("MASK-SURG", at: "SITE-CP3") == 450)
    #expect(
      throws: DepotError.insufficientStock(
        item: "MASK-SURG", location: "SITE-CP3", available: 450, requested: 460)
    ) {
      _ = try office.depot.reportUse(
        UseReport(site: "SITE-CP3", item: "MASK-SURG", quantity: QuantityAmount(digits: 460)),
        office.context("li"))
    }
    let approved = try office.decideWriteOff(.approve, adjustment)
    #expect(approved.wasteCategory == "infectious")
    let batch = try office.weigh("WST-2026-000001", grams: 900, as: "li")
    #expect(batch.register.source == "SITE-CP3")
    #expect(batch.state == "collected")
    try office.store("WST-2026-000001")
    #expect(try office.onHand("MASK-SURG", at: "SITE-CP3") == 450)
    #expect(try office.onHand("MASK-SURG", at: "WP-1") == 50)
    #expect(try office.available("MASK-SURG", at: "WP-1") == 0, "waste is never available")
    #expect(try office.verify().ok)
  }

  @Test func damagedReturnsAreWrittenOffAtTheWarehouse() throws {
    let office = try TestOffice()
    try office.receive("GLOVE", 1000, value: 10_000)
    try office.request([("GLOVE", 500)])
    try office.approve("REQ-2026-000001")
    try office.ship("REQ-2026-000001")
    try office.confirm("REQ-2026-000001")
    _ = try office.depot.returnStock(
      StockReturn(
        site: "SITE-CP3", warehouse: "WH-CENTRAL", item: "GLOVE",
        quantity: QuantityAmount(digits: 100), damaged: QuantityAmount(digits: 10)),
      office.context("wang"))
    let writeOff = try office.depot.adjustment(adjustment, as: "audit")
    #expect(writeOff.location == "WH-CENTRAL")
    #expect(writeOff.origin == "RET-2026-000001")
    #expect(writeOff.createdBy == "wang")
    #expect(writeOff.lines.map(\.quantity) == [10])
    #expect(
      try office.depot.adjustments(state: .requested, as: "zhang").map(\.number) == [adjustment])
    #expect(try office.verify().ok)
  }
}
