import Testing

@testable import Inventory

@Suite struct DisinfectionTests {
  @Test func returnedEquipmentIsDisinfectedBeforeItIsAvailableAgain() throws {
    let office = try TestOffice()
    try office.receive("THERMO-IR", 2, value: 30_000, serials: ["IR-0001", "IR-0002"])
    try office.request([("THERMO-IR", 2)])
    try office.approve("REQ-2026-000001")
    try office.ship("REQ-2026-000001")
    try office.confirm("REQ-2026-000001")
    let returned = try office.depot.returnStock(
      StockReturn(
        site: "SITE-CP3", warehouse: "WH-CENTRAL", item: "THERMO-IR", quantity: nil,
        serials: ["IR-0002"]),
      office.context("wang"))
    #expect(returned.inDisinfection == ["IR-0002"])
    #expect(try office.onHand("THERMO-IR", at: "WH-CENTRAL") == 1)
    #expect(try office.available("THERMO-IR") == 0)
    #expect(
      try office.depot.disinfections(all: false, as: "wang").map { [$0.serial, $0.returnedIn] }
        == [["IR-0002", "RET-2026-000001"]])
    #expect(throws: DepotError.inDisinfection(item: "THERMO-IR", serial: "IR-0002")) {
      _ = try office.depot.transfer(
        TransferRequest(
          source: "WH-CENTRAL", destination: "WH-TOWN", item: "THERMO-IR", quantity: nil,
          serials: ["IR-0002"]),
        office.context("wang"))
    }
    let done = try office.depot.finishDisinfection(
      DisinfectionDone(item: "THERMO-IR", serials: ["IR-0002"], method: "75% alcohol wipe"),
      office.context("wang"))
    #expect(done.map(\.doneBy) == ["wang"])
    #expect(try office.available("THERMO-IR") == 1)
    #expect(try office.depot.disinfections(all: false, as: "wang").isEmpty)
    #expect(throws: DepotError.notInDisinfection(item: "THERMO-IR", serial: "IR-0002")) {
      _ = try office.depot.finishDisinfection(
        DisinfectionDone(item: "THERMO-IR", serials: ["IR-0002"], method: "again"),
        office.context("wang"))
    }
    #expect(try office.verify().ok)
  }

  @Test func equipmentComesBackBySerialNumber() throws {
    let office = try TestOffice()
    try office.receive("THERMO-IR", 1, serials: ["IR-0001"])
    #expect(throws: DepotError.serialsRequired(item: "THERMO-IR")) {
      _ = try office.depot.returnStock(
        StockReturn(
          site: "SITE-CP3", warehouse: "WH-CENTRAL", item: "THERMO-IR",
          quantity: QuantityAmount(digits: 1)),
        office.context("wang"))
    }
  }
}
