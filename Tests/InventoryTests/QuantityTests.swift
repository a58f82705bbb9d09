import Testing

@testable import Inventory

@Suite struct QuantityTests {
  let masks = UnitTable(
    itemCode: "MASK-SURG", baseUnit: "piece", packs: ["box": 50, "carton": 1000])
  let disinfectant = UnitTable(itemCode: "DISINF-84", baseUnit: "kg", packs: [:])

  func base(_ text: String, unit: String? = nil, _ table: UnitTable) throws -> Int64 {
    try table.baseQuantity(of: QuantityAmount.parse(text, unit: unit))
  }

  @Test func packsConvertToBaseUnits() throws {
    #expect(try base("40", unit: "carton", masks) == 40_000)
    #expect(try base("4box", masks) == 200)
    #expect(try base("4 box", masks) == 200)
    #expect(try base("1.5", unit: "carton", masks) == 1_500)
    #expect(try base("120", masks) == 120)
  }

  @Test func standardUnitsConvertWithinTheirFamily() throws {
    #expect(try base("1.5", unit: "t", disinfectant) == 1_500)
    #expect(try base("2000g", disinfectant) == 2)
    #expect(try base("0.25", unit: "t", disinfectant) == 250)
  }

  @Test func fractionsOfABaseUnitAreRefused() {
    #expect(
      throws: QuantityError.notWhole(amount: "1.01 box", item: "MASK-SURG", baseUnit: "piece")
    ) {
      try base("1.01", unit: "box", masks)
    }
    #expect((try? base("1.5", unit: "box", masks)) == 75)
    #expect(throws: QuantityError.notWhole(amount: "1500 g", item: "DISINF-84", baseUnit: "kg")) {
      try base("1500", unit: "g", disinfectant)
    }
    #expect(throws: QuantityError.self) { try base("0.5", masks) }
  }

  @Test func zeroNegativeAndGarbageAreRefused() {
    #expect(throws: QuantityError.notPositive("0")) { try QuantityAmount.parse("0") }
    #expect(throws: QuantityError.notPositive("0.00")) { try QuantityAmount.parse("0.00") }
    #expect(throws: QuantityError.notPositive("-5")) { try QuantityAmount.parse("-5") }
    #expect(throws: QuantityError.notANumber("abc")) { try QuantityAmount.parse("abc") }
    #expect(throws: QuantityError.notANumber("1.2.3")) { try QuantityAmount.parse("1.2.3") }
    #expect(throws: QuantityError.notANumber("")) { try QuantityAmount.parse("") }
    #expect(throws: QuantityError.tooLarge("99999999999999999999")) {
      try QuantityAmount.parse("99999999999999999999")
    }
  }

  @Test func absurdlyLargeQuantitiesAreRefused() {
    #expect(throws: QuantityError.tooLarge("2000000000 carton")) {
      try base("2000000000", unit: "carton", masks)
    }
  }

  @Test func unknownUnitsListTheKnownOnes() {
    #expect(
      throws: QuantityError.unknownUnit(
        unit: "pallet", item: "MASK-SURG", known: ["piece", "box", "carton"])
    ) {
      try base("3", unit: "pallet", masks)
    }
  }

  @Test func aUnitTypedWithTheNumberMustAgreeWithTheUnitOption() {
    #expect(throws: QuantityError.conflictingUnits("box", "carton")) {
      try QuantityAmount.parse("3box", unit: "carton")
    }
  }

  @Test func amountsDescribeThemselvesAsTyped() throws {
    #expect(try QuantityAmount.parse("1.50", unit: "t").description == "1.5 t")
    #expect(try QuantityAmount.parse("0.05").description == "0.05")
  }
}
