import Testing

@testable import Inventory

@Suite struct TransferTests {
  @Test func transfersTakeTheFirstExpiringLotFirst() throws {
    let office = try TestOffice()
    try office.receive("MASK-SURG", 100, lot: "LATE", expiry: "2028-06-30")
    try office.receive("MASK-SURG", 30, lot: "SOON", expiry: "2027-01-31")
    let transfer = try office.transfer("MASK-SURG", 50)
    #expect(transfer.lines.map(\.lot) == ["SOON", "LATE"])
    #expect(transfer.lines.map(\.quantity) == [30, 20])
    #expect(try office.onHand("MASK-SURG", at: "WH-TOWN") == 50)
    #expect(try office.verify().ok)
  }

  @Test func transfersNeverTakeAnExpiredLot() throws {
    let office = try TestOffice()
    try office.receive("MASK-SURG", 10, lot: "SOON", expiry: "2026-12-01")
    try office.receive("MASK-SURG", 10, lot: "LATE", expiry: "2027-12-01")
    office.clock.advance(hours: 24 * 10)
    #expect(
      throws: DepotError.insufficientStock(
        item: "MASK-SURG", location: "WH-CENTRAL", available: 10, requested: 15)
    ) {
      try office.transfer("MASK-SURG", 15)
    }
    #expect(
      throws: DepotError.lotExpired(item: "MASK-SURG", lot: "SOON", expiry: Day("2026-12-01")!)
    ) {
      try office.transfer("MASK-SURG", 5, lot: "SOON")
    }
    #expect(try office.transfer("MASK-SURG", 10).lines.map(\.lot) == ["LATE"])
    let central = try office.depot.stock(StockQuery(location: "WH-CENTRAL"), as: "wang")
    #expect(central.map(\.onHand) == [10])
    #expect(central.map(\.available) == [0], "expired stock is on hand but not available")
  }

  @Test func movingMoreThanIsThereIsRefusedWithTheNumbers() throws {
    let office = try TestOffice()
    try office.receive("GLOVE", 300)
    #expect(
      throws: DepotError.insufficientStock(
        item: "GLOVE", location: "WH-CENTRAL", available: 300, requested: 500)
    ) {
      try office.transfer("GLOVE", 500)
    }
    #expect(try office.onHand() == ["GLOVE@WH-CENTRAL": 300])
  }

  @Test func valueLeavesALotProRataAndAllOfItWhenEmptied() throws {
    let office = try TestOffice()
    try office.receive("GLOVE", 3, value: 1000)
    let values = try (0..<3).map { _ in try office.transfer("GLOVE", 1).lines[0].value }
    #expect(values == ["3.33", "3.33", "3.34"])
    let rows = try office.depot.stock(StockQuery(), as: "wang")
    #expect(rows.map(\.location) == ["WH-TOWN"])
    #expect(rows.map(\.value) == ["10.00"])
    #expect(try office.verify().ok)
  }

  @Test func serialTrackedItemsMoveBySerial() throws {
    let office = try TestOffice()
    try office.receive("THERMO-IR", 2, value: 30000, serials: ["IR-1", "IR-2"])
    let moved = try office.depot.transfer(
      TransferRequest(
        source: "WH-CENTRAL", destination: "WH-TOWN", item: "THERMO-IR", quantity: nil,
        serials: ["IR-2"]), office.context("wang"))
    #expect(moved.lines.map(\.lot) == ["IR-2"])
    #expect(moved.lines.map(\.value) == ["150.00"])
    #expect(
      throws: DepotError.serialNotHere(item: "THERMO-IR", serial: "IR-2", location: "WH-CENTRAL")
    ) {
      try office.depot.transfer(
        TransferRequest(
          source: "WH-CENTRAL", destination: "WH-TOWN", item: "THERMO-IR", quantity: nil,
          serials: ["IR-2"]), office.context("wang"))
    }
  }

  @Test func transfersMoveBetweenWarehousesOnly() throws {
    let office = try TestOffice()
    try office.receive("GLOVE", 10)
    #expect(throws: DepotError.wrongKind(code: "SITE-CP3", kind: "site", expected: "warehouse")) {
      try office.transfer("GLOVE", 1, to: "SITE-CP3")
    }
    #expect(throws: DepotError.sameLocation("WH-CENTRAL")) {
      try office.transfer("GLOVE", 1, to: "WH-CENTRAL")
    }
  }
}
