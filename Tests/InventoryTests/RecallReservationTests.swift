import Testing

@testable import Inventory

/// A recall under a reservation (SPEC §2, §10): the reservation never stays larger than the
/// usable stock; it is re-pointed to other usable lots first expiry first, or released.
extension RecallTests {
  func reservation(
    _ number: String, repointed: Int64, released: Int64, stillReserved: Int64
  ) -> RecallReport.Reservation {
    RecallReport.Reservation(
      document: number, location: "WH-CENTRAL", repointed: repointed, released: released,
      stillReserved: stillReserved)
  }

  /// Masks in the given lots at WH-CENTRAL, and one approved request for each quantity;
  /// returns the requests' numbers.
  func reserve(
    _ requests: [Int64], on lots: [(lot: String, quantity: Int64, expiry: String)],
    in office: TestOffice
  ) throws -> [String] {
    for lot in lots {
      try office.receive("MASK-SURG", lot.quantity, lot: lot.lot, expiry: lot.expiry)
    }
    return try requests.map { quantity in
      let number = try office.request([("MASK-SURG", quantity)]).number
      try office.approve(number)
      return number
    }
  }

  func masks(_ office: TestOffice) throws -> StockRow? {
    try office.depot.stock(StockQuery(location: "WH-CENTRAL", item: "MASK-SURG"), as: "audit")
      .first
  }

  @Test func aReservationOnARecalledLotMovesToTheOtherUsableLots() throws {
    let office = try TestOffice()
    let number = try reserve(
      [120], on: [("R1", 100, "2027-03-01"), ("R2", 200, "2027-06-01")], in: office)[0]

    let report = try recall(office, "R1")
    #expect(
      report.reservations == [reservation(number, repointed: 100, released: 0, stillReserved: 120)])
    #expect(try office.depot.issuance(number, as: "audit").lines.map(\.reserved) == [120])
    #expect(try masks(office)?.reserved == 120)
    #expect(try masks(office)?.available == 80)
    #expect(try office.ship(number).shipments.map(\.lot) == ["R2"])
    #expect(try office.verify().ok)
  }

  @Test func whatNoUsableLotCoversIsReleasedNewestApprovalFirst() throws {
    let office = try TestOffice()
    try office.receive("MASK-SURG", 500, lot: "OLD", expiry: "2026-12-01")
    office.clock.advance(hours: 72)
    let numbers = try reserve(
      [80, 60], on: [("R1", 100, "2027-03-01"), ("R2", 50, "2027-06-01")], in: office)
    let (first, second) = (numbers[0], numbers[1])

    let report = try recall(office, "R1")
    #expect(
      report.reservations == [
        reservation(first, repointed: 50, released: 30, stillReserved: 50),
        reservation(second, repointed: 0, released: 60, stillReserved: 0),
      ])
    let firstView = try office.depot.issuance(first, as: "audit")
    let secondView = try office.depot.issuance(second, as: "audit")
    #expect(firstView.lines.map(\.reserved) == [50])
    #expect(firstView.lines.map(\.released) == [30])
    #expect(secondView.lines.map(\.reserved) == [0])
    #expect(secondView.lines.map(\.released) == [60])
    #expect(secondView.history.last?.action == "issue.release")
    #expect(secondView.history.last?.signed == true)
    #expect(secondView.history.last?.reason == "manufacturer notice 2026-117")
    #expect(try masks(office)?.reserved == 50)
    #expect(try masks(office)?.available == 0)
    #expect(try office.verify().ok)
    #expect(throws: DepotError.nothingLeft(document: second, action: "ship")) {
      try office.ship(second)
    }
    #expect(try office.ship(first).shipments.map(\.quantity) == [50])
  }

  @Test func aReservationThatNeverRestedOnTheLotIsLeftAlone() throws {
    let office = try TestOffice()
    _ = try reserve(
      [60], on: [("LATE", 100, "2028-01-01"), ("SOON", 100, "2027-01-01")], in: office)

    let report = try recall(office, "LATE")
    #expect(report.reservations == [])
    #expect(try masks(office)?.reserved == 60)
    #expect(try masks(office)?.available == 40)
    #expect(try office.verify().ok)
  }
}
