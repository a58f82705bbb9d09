import Foundation
import Testing

@testable import Output

@Suite struct JSONArrayWriterTests {
  struct Row: Encodable {
    var available: Int64
    var lot: String?
    var name: String

    enum CodingKeys: CodingKey { case available, lot, name }

    func encode(to encoder: any Encoder) throws {
      var container = encoder.container(keyedBy: CodingKeys.self)
      try container.encode(available, forKey: .available)
      try container.encode(lot, forKey: .lot)
      try container.encode(name, forKey: .name)
    }
  }

  func encoded(_ rows: [Row]) throws -> [UInt8] {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    return Array(try encoder.encode(rows)) + Array("\n".utf8)
  }

  func written(_ rows: [Row]) -> [UInt8] {
    var writer = JSONArrayWriter()
    for row in rows {
      writer.beginObject()
      writer.field("available", row.available)
      writer.field("lot", row.lot)
      writer.field("name", row.name)
      writer.endObject()
    }
    return writer.finish()
  }

  @Test func writesWhatThePrettyEncoderWrites() throws {
    let rows = [
      Row(available: -12, lot: nil, name: "一次性医用口罩"),
      Row(available: 40_000, lot: "L\"23\\01\n", name: "a/b\tc\u{1}"),
      Row(available: 0, lot: "RC-77", name: ""),
    ]
    let expected = try encoded(rows)
    let actual = written(rows)
    #expect(String(decoding: actual, as: UTF8.self) == String(decoding: expected, as: UTF8.self))
  }

  @Test func writesAnEmptyArrayAsTheEncoderDoes() throws {
    #expect(written([]) == (try encoded([])))
  }
}
