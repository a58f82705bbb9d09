import Testing

@testable import Inventory

/// Stock that stops being usable (SPEC §10): a reservation counts only usable stock; a lot
/// that expires under one leaves it uncovered, `issue ship` refuses that part naming it
/// until an approver re-points it, and the stock table keeps on hand = available +
/// reserved + unusable.
@Suite struct UsableStockTests {
  /// 100 masks in lot E1, which expires on 2026-11-30, and 50 in E2; two approved requests
  /// for 80 and 60; then the clock moves to 2026-12-01, past E1's expiry.
  func officeWithAnExpiredLotUnderReservations() throws -> (TestOffice, String, String) {
    let office = try TestOffice()
    try office.receive("MASK-SURG", 100, lot: "E1", expiry: "2026-11-30")
    try office.receive("MASK-SURG", 50, lot: "E2", expiry: "2027-06-01")
    let first = try office.request([("MASK-SURG", 80)]).number
    try office.approve(first)
    let second = try office.request([("MASK-SURG", 60)]).number
    try office.approve(second)
    office.clock.advance(hours: 48)
    return (office, first, second)
  }

  /// The refusal's data for a request of masks that E1's expiry left uncovered: it stopped
  /// being covered at the start of 2026-12-01 in Shanghai.
  func uncovered(_ number: String, reserved: Int64, uncovered: Int64) -> DepotError {
    .reservationUncovered(
      UncoveredReservation(
        document: number, item: "MASK-SURG", itemName: "一次性医用口罩", location: "WH-CENTRAL",
        unit: "piece", reserved: reserved, uncovered: uncovered,
        lots: [UnusableLot(lot: "E1", expired: Day("2026-11-30"))],
        since: Moment("2026-11-30T16:00:00.000Z")!))
  }

  func repoint(
    _ office: TestOffice, _ number: String, _ item: String = "MASK-SURG", as user: String = "zhang"
  )
    throws -> RepointReport
  {
    try office.depot.repointReservation(
      ReservationRepoint(number: number, item: item), office.context(user))
  }

  @Test func anExpiredLotLeavesTheNewestReservationsUncoveredAndShipRefusesThem() throws {
    let (office, first, second) = try officeWithAnExpiredLotUnderReservations()
    let masks = try #require(
      try office.depot.stock(StockQuery(location: "WH-CENTRAL", item: "MASK-SURG"), as: "audit")
        .first)
    #expect(
      [masks.onHand, masks.reserved, masks.available, masks.unusable] == [150, 50, 0, 100])
    #expect(throws: uncovered(second, reserved: 60, uncovered: 60)) { try office.ship(second) }
    #expect(throws: uncovered(first, reserved: 80, uncovered: 30)) { try office.ship(first) }
    #expect(try office.depot.issuance(second, as: "audit").history.count == 2)
    let shipped = try office.ship(first, [("MASK-SURG", 50)])
    #expect(shipped.shipments.map(\.lot) == ["E2"])
    #expect(shipped.lines.map(\.reserved) == [30])
    let third = try office.request([("MASK-SURG", 10)]).number
    #expect(
      throws: DepotError.insufficientStock(
        item: "MASK-SURG", location: "WH-CENTRAL", available: 0, requested: 10)
    ) { try office.approve(third) }
    #expect(try office.verify().ok)
  }

  @Test func repointingKeepsWhatUsableLotsCoverAndReleasesTheRestSigned() throws {
    let (office, first, second) = try officeWithAnExpiredLotUnderReservations()
    let expired = [UnusableLot(lot: "E1", expired: Day("2026-11-30"))]
    #expect(
      try repoint(office, first)
        == RepointReport(
          document: first, item: "MASK-SURG", location: "WH-CENTRAL", unit: "piece",
          released: 30, stillReserved: 50, lots: ["E2"], unusable: expired))
    let view = try office.depot.issuance(first, as: "audit")
    #expect(view.lines.map(\.reserved) == [50])
    #expect(view.lines.map(\.released) == [30])
    #expect(view.history.last?.action == "issue.release")
    #expect(view.history.last?.actor == "zhang")
    #expect(view.history.last?.reason == "lot E1 expired on 2026-11-30")
    #expect(view.history.last?.signed == true)
    #expect(try office.ship(first).shipments.map(\.quantity) == [50])
    #expect(
      try repoint(office, second)
        == RepointReport(
          document: second, item: "MASK-SURG", location: "WH-CENTRAL", unit: "piece",
          released: 60, stillReserved: 0, lots: [], unusable: expired))
    #expect(throws: DepotError.nothingLeft(document: second, action: "ship")) {
      try office.ship(second)
    }
    #expect(throws: DepotError.nothingLeft(document: second, action: "re-point")) {
      try repoint(office, second)
    }
    #expect(try office.verify().ok)
  }

  @Test func repointIsRefusedWhereThereIsNothingToRepointAndWritesNothing() throws {
    let office = try TestOffice()
    try office.receive("MASK-SURG", 100, lot: "E2", expiry: "2027-06-01")
    let number = try office.request([("MASK-SURG", 80)]).number
    #expect(
      throws: DepotError.wrongState(document: number, state: "requested", action: "re-pointed")
    ) { try repoint(office, number) }
    try office.approve(number)
    #expect(
      throws: DepotError.reservationCovered(
        document: number, item: "MASK-SURG", location: "WH-CENTRAL")
    ) { try repoint(office, number) }
    #expect(throws: DepotError.notOnDocument(document: number, item: "GLOVE")) {
      try repoint(office, number, "GLOVE")
    }
    #expect(
      throws: DepotError.missingRole(
        user: "wang", action: "re-point reservations", roles: [.approver])
    ) { try repoint(office, number, as: "wang") }
    let view = try office.depot.issuance(number, as: "audit")
    #expect(view.history.map(\.action) == ["issue.request", "issue.approve"])
    #expect(view.lines.map(\.reserved) == [80])
  }

  @Test func onHandIsAvailablePlusReservedPlusUnusableWithDamageExpiryAndARecall() throws {
    let office = try TestOffice()
    try office.receive("MASK-SURG", 100, lot: "OLD", expiry: "2026-11-30")
    try office.receive("MASK-SURG", 200, lot: "R1", expiry: "2027-03-01")
    try office.receive("MASK-SURG", 300, lot: "GOOD", expiry: "2027-06-01")
    try office.receive("GLOVE", 500)
    try office.writeOff("GLOVE", 50, reason: .damaged)
    try office.writeOff("MASK-SURG", 20, lot: "GOOD", reason: .damaged)
    try office.approve(try office.request([("MASK-SURG", 250), ("GLOVE", 100)]).number)
    office.clock.advance(hours: 48)
    _ = try office.depot.recall(
      LotRecall(lot: "R1", item: "MASK-SURG", reason: "manufacturer notice"),
      office.context("zhang"))

    func table(lots: Bool) throws -> [String: [Int64]] {
      var rows: [String: [Int64]] = [:]
      for row in try office.depot.stock(StockQuery(byLot: lots), as: "audit") {
        #expect(row.onHand == row.available + row.reserved + row.unusable, "\(row)")
        rows["\(row.item) \(row.lot ?? "-")"] = [
          row.onHand, row.reserved, row.available, row.unusable,
        ]
      }
      return rows
    }
    #expect(
      try table(lots: false) == [
        "MASK-SURG -": [600, 250, 30, 320], "GLOVE -": [500, 100, 350, 50],
      ]
    )
    #expect(
      try table(lots: true) == [
        "MASK-SURG OLD": [100, 0, 0, 100], "MASK-SURG R1": [200, 0, 0, 200],
        "MASK-SURG GOOD": [300, 250, 30, 20], "GLOVE -": [500, 100, 350, 50],
      ])
  }
}
