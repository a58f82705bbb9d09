import CSV
import Testing

/// Writes one file's bytes with a writer and returns them.
func written(byteOrderMark: Bool = false, _ body: (CSVWriter) throws -> Void) throws -> [UInt8] {
  var bytes: [UInt8] = []
  let writer = CSVWriter(byteOrderMark: byteOrderMark) { chunk in bytes += chunk }
  try body(writer)
  try writer.flush()
  return bytes
}

func text(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }

@Suite struct CSVWriterTests {
  @Test func recordsEndWithCRLFAndCellsAreSeparatedByCommas() throws {
    let bytes = try written { writer in
      try writer.record(["item", "name"])
      writer.text("MASK-SURG")
      writer.integer(40000)
      writer.decimal(1_400_000, places: 2)
      try writer.endRecord()
    }
    #expect(text(bytes) == "item,name\r\nMASK-SURG,40000,14000.00\r\n")
  }

  @Test func commasQuotesAndLineBreaksAreQuotedWithQuotesDoubled() throws {
    let bytes = try written { writer in
      try writer.record(["a,b", "say \"hi\"", "two\nlines", "cr\rhere", "plain 口罩"])
    }
    #expect(
      text(bytes) == "\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\"cr\rhere\",plain 口罩\r\n")
  }

  @Test func textThatCouldRunAsAFormulaIsNeutralised() throws {
    let bytes = try written { writer in
      try writer.record([
        "=HYPERLINK(\"http://x\")", "+1", "-12.50", "@SUM(A1)", "\tx", "\rx", "\u{0}x", "a=b",
      ])
    }
    #expect(
      text(bytes)
        == "\"'=HYPERLINK(\"\"http://x\"\")\",'+1,'-12.50,'@SUM(A1),'\tx,\"'\rx\",'\u{0}x,a=b\r\n")
  }

  @Test func numbersAreNeverNeutralised() throws {
    let bytes = try written { writer in
      writer.decimal(-1250, places: 2)
      writer.integer(-7)
      writer.decimal(5, places: 2)
      writer.decimal(0, places: 2)
      writer.integer(Int64.min)
      writer.empty()
      try writer.endRecord()
    }
    #expect(text(bytes) == "-12.50,-7,0.05,0.00,-9223372036854775808,\r\n")
  }

  @Test func theByteOrderMarkComesFirstOnlyWhenAsked() throws {
    let with = try written(byteOrderMark: true) { try $0.record(["x"]) }
    let without = try written(byteOrderMark: false) { try $0.record(["x"]) }
    #expect(with == [0xEF, 0xBB, 0xBF, 0x78, 0x0D, 0x0A])
    #expect(without == [0x78, 0x0D, 0x0A])
  }

  @Test func aLongFileIsHandedOnInChunksAndAddsUp() throws {
    var chunks = 0
    var bytes: [UInt8] = []
    let writer = CSVWriter(byteOrderMark: false) { chunk in
      chunks += 1
      bytes += chunk
    }
    for index in 0..<20_000 {
      writer.integer(Int64(index))
      writer.text(String(repeating: "仓", count: index % 50))
      try writer.endRecord()
    }
    try writer.flush()
    #expect(chunks > 10)
    #expect(writer.bytesWritten == Int64(bytes.count))
    var reader = CSVReader(bytes)
    var count = 0
    while let record = try reader.next() {
      #expect(record.fields == [String(count), String(repeating: "仓", count: count % 50)])
      count += 1
    }
    #expect(count == 20_000)
  }
}
