import Testing

@testable import Output

@Suite struct DisplayWidthTests {
  @Test func chineseCharactersTakeTwoColumns() {
    #expect(DisplayWidth.of("口罩") == 4)
    #expect(DisplayWidth.of("84消毒液(浓缩)") == 14)
    #expect(DisplayWidth.of("MASK-SURG") == 9)
    #expect(DisplayWidth.of("ＡＢ") == 4)
    #expect(DisplayWidth.of("皖N·12345") == 9)
  }

  @Test func combiningMarksTakeNoColumns() {
    #expect(DisplayWidth.of("e\u{301}") == 1)
    #expect(DisplayWidth.of("a\u{200B}b") == 2)
  }

  @Test func tablesAlignColumnsWithWideText() {
    var table = Table([.init("Item"), .init("Name"), .init("Qty", alignRight: true)])
    table.append(["MASK", "一次性医用口罩", "40000"])
    table.append(["THERMO-IR", "额温枪", "2"])
    let lines = table.render().split(separator: "\n").map(String.init)
    #expect(lines.count == 4)
    let widths = Set(lines.map { DisplayWidth.of($0) })
    #expect(widths.count == 1, "every line is as wide as the others: \(lines)")
    #expect(lines[2].hasSuffix("40000"))
    #expect(lines[3].hasSuffix("    2"))
  }
}
