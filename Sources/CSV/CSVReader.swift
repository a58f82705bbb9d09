/// One record of a CSV file and the physical line it starts on (the first line is 1).
public struct CSVRecord: Sendable, Equatable {
  public var line: Int
  public var fields: [String]

  public init(line: Int, fields: [String]) {
    self.line = line
    self.fields = fields
  }
}

/// Why a record could not be read.
public enum CSVError: Error, Sendable, Equatable {
  /// A quoted field is never closed: the rest of the file cannot be read.
  case unterminatedQuote(line: Int)
  /// A quote appears inside an unquoted field, or text follows a closing quote.
  case strayQuote(line: Int)
  /// A field is not valid UTF-8.
  case invalidUTF8(line: Int)

  /// The line of the record the problem is in.
  public var line: Int {
    switch self {
    case .unterminatedQuote(let line), .strayQuote(let line), .invalidUTF8(let line): line
    }
  }
}

extension CSVError: CustomStringConvertible {
  public var description: String {
    switch self {
    case .unterminatedQuote: "a quoted field is never closed"
    case .strayQuote: "a quote stands inside a field that is not quoted as a whole"
    case .invalidUTF8: "the text is not valid UTF-8"
    }
  }
}

/// Reads CSV as RFC 4180 has it, leniently about line ends: UTF-8 with or without a
/// byte-order mark, CRLF or LF, quoted fields holding commas, quotes ("") and line breaks.
/// Blank lines are skipped. After a bad record the reader moves on to the next one, except
/// after an unterminated quote, which swallows the rest of the file.
public struct CSVReader {
  private let bytes: [UInt8]
  private var position = 0
  private var line = 1

  public init(_ bytes: [UInt8]) {
    self.bytes = bytes
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { position = 3 }
  }

  /// The next record, nil at the end of the file.
  public mutating func next() throws(CSVError) -> CSVRecord? {
    skipBlankLines()
    guard position < bytes.count else { return nil }
    let start = line
    var fields: [String] = []
    var problem: CSVError?
    while true {
      let field: ArraySlice<UInt8>
      if bytes[position] == 0x22 {
        guard let quoted = readQuoted() else {
          position = bytes.count
          throw .unterminatedQuote(line: start)
        }
        field = quoted
        if position < bytes.count, !isEndOfField(bytes[position]) {
          problem = problem ?? .strayQuote(line: start)
          skipToEndOfField()
        }
      } else {
        let begin = position
        skipToEndOfField()
        field = bytes[begin..<position]
        if field.contains(0x22) { problem = problem ?? .strayQuote(line: start) }
      }
      if let text = String(validating: field, as: UTF8.self) {
        fields.append(text)
      } else {
        problem = problem ?? .invalidUTF8(line: start)
        fields.append("")
      }
      if position < bytes.count, bytes[position] == 0x2C {
        position += 1
        if position == bytes.count { fields.append("") }
        if position < bytes.count { continue }
      }
      skipLineBreak()
      break
    }
    if let problem { throw problem }
    return CSVRecord(line: start, fields: fields)
  }

  private func isEndOfField(_ byte: UInt8) -> Bool {
    byte == 0x2C || byte == 0x0A || byte == 0x0D
  }

  private mutating func skipToEndOfField() {
    while position < bytes.count, !isEndOfField(bytes[position]) { position += 1 }
  }

  /// Reads a quoted field from its opening quote; nil if it never closes.
  private mutating func readQuoted() -> ArraySlice<UInt8>? {
    position += 1
    var field: [UInt8] = []
    var chunkStart = position
    while position < bytes.count {
      let byte = bytes[position]
      if byte == 0x22 {
        field += bytes[chunkStart..<position]
        if position + 1 < bytes.count, bytes[position + 1] == 0x22 {
          field.append(0x22)
          position += 2
          chunkStart = position
          continue
        }
        position += 1
        return field[...]
      }
      if byte == 0x0A || (byte == 0x0D && bytes[safe: position + 1] != 0x0A) { line += 1 }
      position += 1
    }
    return nil
  }

  private mutating func skipLineBreak() {
    guard position < bytes.count else { return }
    if bytes[position] == 0x0D { position += 1 }
    if position < bytes.count, bytes[position] == 0x0A { position += 1 }
    line += 1
  }

  private mutating func skipBlankLines() {
    while position < bytes.count, bytes[position] == 0x0A || bytes[position] == 0x0D {
      skipLineBreak()
    }
  }
}

extension Array where Element == UInt8 {
  fileprivate subscript(safe index: Int) -> UInt8? {
    index < count ? self[index] : nil
  }
}
