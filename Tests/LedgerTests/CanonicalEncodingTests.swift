import Testing

@testable import Ledger
@testable import LedgerSQLite

@Suite struct CanonicalEncodingTests {
  @Test func numbersEncodeAsTheirDecimalText() {
    for number: Int64 in [0, 7, 10, 99, 100, 123_456_789, -1, -250, .max, .min] {
      var byNumber = CanonicalEncoding(tag: "t")
      byNumber.append(number)
      var byText = CanonicalEncoding(tag: "t")
      byText.append(String(number))
      #expect(byNumber.bytes == byText.bytes, "\(number)")
    }
  }

  @Test func absentAndEmptyFieldsDiffer() {
    var absent = CanonicalEncoding(tag: "t")
    absent.append(nil as String?)
    var empty = CanonicalEncoding(tag: "t")
    empty.append("")
    #expect(absent.bytes != empty.bytes)
    #expect(Array(empty.bytes.suffix(2)) == Array("0:".utf8))
  }

  @Test func fieldsCannotRunIntoEachOther() {
    var split = CanonicalEncoding(tag: "t")
    split.append("ab")
    split.append("c")
    var joined = CanonicalEncoding(tag: "t")
    joined.append("a")
    joined.append("bc")
    #expect(split.bytes != joined.bytes)
  }
}
