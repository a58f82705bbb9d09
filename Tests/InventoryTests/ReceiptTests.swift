import Testing

@testable import Inventory

@Suite struct ReceiptTests {
  @Test func aReceiptConvertsPacksAndCarriesItsValue() throws {
    let office = try TestOffice()
    let receipt = try office.depot.receive(
      ReceiptRequest(
        source: "SUP-JX", warehouse: "WH-CENTRAL", item: "MASK-SURG",
        quantity: QuantityAmount(digits: 40, unit: "carton"), lot: "L2301",
        expiry: Day("2028-01-31"), value: 1_400_000, emergencyJustification: "no order yet"),
      office.context("zhang"))
    #expect(receipt.number == "RCV-2026-000001")
    #expect(receipt.state == "posted")
    #expect(receipt.lines.map(\.quantity) == [40_000])
    #expect(receipt.lines.map(\.value) == ["14000.00"])
    #expect(try office.onHand("MASK-SURG", at: "WH-CENTRAL") == 40_000)
    #expect(try office.verify().ok)
  }

  @Test func serialsAreReceivedOneLotEachWithTheValueSplitExactly() throws {
    let office = try TestOffice()
    let receipt = try office.receive(
      "THERMO-IR", 3, value: 100, serials: ["IR-1", "IR-2", "IR-3"])
    #expect(receipt.lines.map(\.lot) == ["IR-1", "IR-2", "IR-3"])
    #expect(receipt.lines.map(\.value) == ["0.34", "0.33", "0.33"])
    #expect(throws: DepotError.duplicateSerial(item: "THERMO-IR", serial: "IR-2")) {
      try office.receive("THERMO-IR", 1, serials: ["IR-2"])
    }
    #expect(throws: DepotError.serialCountMismatch(item: "THERMO-IR", quantity: 2, serials: 1)) {
      try office.receive("THERMO-IR", 2, serials: ["IR-9"])
    }
    #expect(throws: DepotError.serialsRequired(item: "THERMO-IR")) {
      try office.receive("THERMO-IR", 2)
    }
  }

  @Test func trackingDecidesWhichLotDetailsAreRequired() throws {
    let office = try TestOffice()
    #expect(throws: DepotError.lotRequired(item: "MASK-SURG")) {
      try office.receive("MASK-SURG", 10)
    }
    #expect(throws: DepotError.expiryRequired(item: "MASK-SURG")) {
      try office.receive("MASK-SURG", 10, lot: "L1")
    }
    #expect(throws: DepotError.notLotTracked(item: "GLOVE")) {
      try office.receive("GLOVE", 10, lot: "L1", expiry: "2028-01-01")
    }
    #expect(throws: DepotError.notSerialTracked(item: "GLOVE")) {
      try office.receive("GLOVE", 1, serials: ["X"])
    }
  }

  @Test func aLotReceivedAgainMustKeepItsExpiry() throws {
    let office = try TestOffice()
    try office.receive("MASK-SURG", 10, lot: "L1", expiry: "2028-01-01")
    try office.receive("MASK-SURG", 5, lot: "L1", expiry: "2028-01-01")
    #expect(
      throws: DepotError.lotExpiryConflict(
        item: "MASK-SURG", lot: "L1", recorded: "2028-01-01", given: "2029-01-01")
    ) {
      try office.receive("MASK-SURG", 5, lot: "L1", expiry: "2029-01-01")
    }
    let rows = try office.depot.stock(StockQuery(byLot: true), as: "wang")
    #expect(rows.map(\.onHand) == [15])
  }

  @Test func theSameLotNumberFromADonorIsAnotherLot() throws {
    let office = try TestOffice()
    try office.receive("MASK-SURG", 10, lot: "L1", expiry: "2028-01-01")
    _ = try office.depot.receive(
      ReceiptRequest(
        isDonation: true, source: "DON-RC", warehouse: "WH-CENTRAL", item: "MASK-SURG",
        quantity: QuantityAmount(digits: 7), lot: "L1", expiry: Day("2027-01-01"), value: 0),
      office.context("wang"))
    let rows = try office.depot.stock(StockQuery(byLot: true), as: "wang")
    #expect(rows.map(\.expiry) == ["2027-01-01", "2028-01-01"])
    #expect(rows.map(\.onHand) == [7, 10])
  }

  @Test func untrackedStockKeepsOneLayerPerSourceWithItsValue() throws {
    let office = try TestOffice()
    try office.receive("GLOVE", 100, value: 1000)
    try office.receive("GLOVE", 100, value: 3000)
    _ = try office.depot.receive(
      ReceiptRequest(
        isDonation: true, source: "DON-RC", warehouse: "WH-CENTRAL", item: "GLOVE",
        quantity: QuantityAmount(digits: 50), value: 0), office.context("wang"))
    let layers = try office.depot.stock(StockQuery(byLot: true), as: "wang")
    #expect(layers.map(\.onHand) == [200, 50])
    #expect(layers.map(\.value) == ["40.00", "0.00"])
    #expect(try office.transfer("GLOVE", 200).lines.map(\.value) == ["40.00"])
    #expect(try office.verify().ok)
  }

  @Test func goodsAlreadyExpiredAreNotReceived() throws {
    let office = try TestOffice()
    #expect(
      throws: DepotError.lotExpired(item: "MASK-SURG", lot: "OLD", expiry: Day("2026-01-01")!)
    ) {
      try office.receive("MASK-SURG", 10, lot: "OLD", expiry: "2026-01-01")
    }
  }

  @Test func receiptsGoFromSuppliersIntoWarehousesOnly() throws {
    let office = try TestOffice()
    #expect(throws: DepotError.wrongKind(code: "SITE-CP3", kind: "site", expected: "warehouse")) {
      try office.receive("GLOVE", 10, into: "SITE-CP3")
    }
    #expect(throws: DepotError.unknownLocation("WH-NOWHERE")) {
      try office.receive("GLOVE", 10, into: "WH-NOWHERE")
    }
    #expect(throws: DepotError.unknownItem("NOPE")) { try office.receive("NOPE", 10) }
    #expect(throws: DepotError.wrongKind(code: "DON-RC", kind: "donor", expected: "supplier")) {
      try office.depot.receive(
        ReceiptRequest(
          source: "DON-RC", warehouse: "WH-CENTRAL", item: "GLOVE",
          quantity: QuantityAmount(digits: 1), value: 0, emergencyJustification: "no order"),
        office.context("zhang"))
    }
  }

  @Test func documentNumbersStayGapFreeWhenACommandIsRefused() throws {
    let office = try TestOffice()
    try office.receive("GLOVE", 10)
    #expect(throws: DepotError.self) { try office.receive("GLOVE", 10, into: "SITE-CP3") }
    let second = try office.receive("GLOVE", 10)
    #expect(second.number == "RCV-2026-000002")
  }
}
