import Testing

@testable import Inventory

@Suite struct WeightTests {
  @Test(arguments: [
    ("12.4kg", Int64(12_400)), ("800g", 800), ("1.2 t", 1_200_000), ("24.1kg", 24_100),
    ("0.001kg", 1),
  ])
  func weightsAreWholeGrams(text: String, grams: Int64) throws {
    #expect(try Weight.grams(text, field: .weight) == grams)
  }

  @Test(arguments: ["12.4", "0.5g", "-3kg", "12lb", "kg", "2000t"])
  func weightsWithoutAUnitOrNotWholeGramsAreRefused(text: String) {
    #expect(throws: DepotError.self) { try Weight.grams(text, field: .weight) }
  }

  @Test func weightsReadAsKilogramsFromOneKilogramUp() {
    #expect(Weight.text(grams: 800) == "800 g")
    #expect(Weight.text(grams: 12_400) == "12.4 kg")
    #expect(Weight.text(grams: 10_000) == "10 kg")
    #expect(Weight.text(grams: 8_999) == "8.999 kg")
  }
}
