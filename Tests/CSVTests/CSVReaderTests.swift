import CSV
import Testing

func records(_ text: String) throws -> [CSVRecord] {
  var reader = CSVReader(Array(text.utf8))
  var result: [CSVRecord] = []
  while let record = try reader.next() { result.append(record) }
  return result
}

@Suite struct CSVReaderTests {
  @Test func recordsCarryTheLineTheyStartOn() throws {
    let read = try records("code,name\r\nA,\"two\nlines\"\r\nB,\"x\"\"y\"\nC,\"a,b\"")
    #expect(read.map(\.line) == [1, 2, 4, 5])
    #expect(
      read.map(\.fields) == [
        ["code", "name"], ["A", "two\nlines"], ["B", "x\"y"], ["C", "a,b"],
      ])
  }

  @Test func aByteOrderMarkIsSkippedAndBlankLinesIgnored() throws {
    let read = try records("\u{FEFF}code\n\nA\n\r\n")
    #expect(read == [CSVRecord(line: 1, fields: ["code"]), CSVRecord(line: 3, fields: ["A"])])
  }

  @Test func emptyFieldsAreKept() throws {
    let read = try records("a,,c,\n,\n")
    #expect(read.map(\.fields) == [["a", "", "c", ""], ["", ""]])
  }

  @Test func aStrayQuoteIsReportedAndReadingGoesOn() throws {
    var reader = CSVReader(Array("ok\nab\"c,d\n\"x\"y,z\nlast\n".utf8))
    #expect(try reader.next()?.fields == ["ok"])
    #expect(throws: CSVError.strayQuote(line: 2)) { try reader.next() }
    #expect(throws: CSVError.strayQuote(line: 3)) { try reader.next() }
    #expect(try reader.next() == CSVRecord(line: 4, fields: ["last"]))
  }

  @Test func anUnterminatedQuoteEndsTheFile() throws {
    var reader = CSVReader(Array("ok\n\"never closed\nmore\n".utf8))
    #expect(try reader.next()?.fields == ["ok"])
    #expect(throws: CSVError.unterminatedQuote(line: 2)) { try reader.next() }
    #expect(try reader.next() == nil)
  }

  @Test func textThatIsNotUTF8IsReportedOnItsLine() throws {
    var reader = CSVReader([0x61, 0x0A, 0xFF, 0xFE, 0x0A, 0x62])
    #expect(try reader.next()?.fields == ["a"])
    #expect(throws: CSVError.invalidUTF8(line: 2)) { try reader.next() }
    #expect(try reader.next()?.fields == ["b"])
  }
}
