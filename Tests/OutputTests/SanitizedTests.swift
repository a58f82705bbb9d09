import Testing

@testable import Output

/// Issue 12: text that could hide or reorder what a table shows is printed escaped.
@Suite struct SanitizedTests {
  @Test(arguments: [
    ("口罩\u{202E}gnp.exe", "口罩\\u{202E}gnp.exe"),
    ("a\u{2066}b\u{2069}", "a\\u{2066}b\\u{2069}"),
    ("zero\u{200B}width", "zero\\u{200B}width"),
    ("\u{FEFF}bom", "\\u{FEFF}bom"),
    ("line\u{2028}para\u{2029}", "line\\u{2028}para\\u{2029}"),
    ("two\nlines\t\u{1B}[2J", "two\\nlines\\t\\u{1B}[2J"),
    ("一次性医用口罩", "一次性医用口罩"),
  ])
  func invisibleAndControlCharactersAreShownEscaped(_ text: String, _ shown: String) {
    #expect(Sanitized.line(text) == shown)
  }

  @Test func aTableShowsANameWithAnOverrideEscapedAndStaysAligned() {
    var table = Table([.init("Item"), .init("Name"), .init("Qty", alignRight: true)])
    table.append(["MASK", "口罩\u{202E}gnp.exe", "4"])
    table.append(["GLOVE", "一次性手套", "100"])
    let lines = table.render().split(separator: "\n").map(String.init)
    #expect(lines[2] == "MASK   口罩\\u{202E}gnp.exe    4")
    #expect(lines[3] == "GLOVE  一次性手套           100")
    #expect(!table.render().unicodeScalars.contains("\u{202E}"))
  }
}
