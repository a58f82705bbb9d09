import Testing

@testable import Inventory

@Suite struct MoneyTests {
  @Test func yuanParsesToFen() {
    #expect(Money.parseYuan("12.34") == 1234)
    #expect(Money.parseYuan("14000.00") == 1_400_000)
    #expect(Money.parseYuan("7") == 700)
    #expect(Money.parseYuan("0.5") == 50)
    #expect(Money.parseYuan("-12.50") == -1250)
    #expect(Money.parseYuan("0") == 0)
  }

  @Test func anythingElseIsNotMoney() {
    for text in ["", "1.234", "abc", "1,000", "1e3", "12.", ".5", "--1", "100000000000.01"] {
      #expect(Money.parseYuan(text) == nil, "\(text)")
    }
  }

  @Test func fenFormatAsYuanWithTwoDecimals() {
    #expect(Money.yuan(1234) == "12.34")
    #expect(Money.yuan(5) == "0.05")
    #expect(Money.yuan(0) == "0.00")
    #expect(Money.yuan(-1250) == "-12.50")
    #expect(Money.yuan(1_400_000) == "14000.00")
  }

  @Test func sharesRoundDownUntilTheLastTakesTheRest() {
    #expect(Money.share(of: 1000, part: 1, whole: 3) == 333)
    #expect(Money.share(of: 1000, part: 3, whole: 3) == 1000)
    #expect(
      Money.share(of: 9_000_000_000_000, part: 999_999_999, whole: 1_000_000_000)
        == 8_999_999_991_000)
  }

  @Test func splitsDifferByAtMostOneFenAndAddUp() {
    #expect(Money.split(30000, into: 2) == [15000, 15000])
    #expect(Money.split(100, into: 3) == [34, 33, 33])
    #expect(Money.split(1, into: 4).reduce(0, +) == 1)
  }
}
