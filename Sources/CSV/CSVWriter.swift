/// Writes CSV as RFC 4180 has it (comma, CRLF, quotes doubled) straight into a byte buffer,
/// handing the buffer to `sink` whenever it fills, so memory stays flat however many rows.
///
/// Text cells that a spreadsheet would run as a formula (they begin with `=`, `+`, `-`, `@`,
/// tab, carriage return or NUL) are neutralised with a leading `'`; numbers are written from
/// integers and never are.
public final class CSVWriter {
  /// What happens to each full buffer: it is valid only during the call.
  public typealias Sink = (UnsafeRawBufferPointer) throws -> Void

  private static let flushThreshold = 1 << 16
  private let sink: Sink
  private var buffer: UnsafeMutablePointer<UInt8>
  private var capacity: Int
  private var used = 0
  private var atRecordStart = true

  /// How many bytes went to the sink so far.
  public private(set) var bytesWritten: Int64 = 0

  /// Starts a file, with the UTF-8 byte-order mark first when asked.
  public init(byteOrderMark: Bool, sink: @escaping Sink) {
    self.sink = sink
    capacity = Self.flushThreshold * 2
    buffer = .allocate(capacity: capacity)
    if byteOrderMark {
      buffer[0] = 0xEF
      buffer[1] = 0xBB
      buffer[2] = 0xBF
      used = 3
    }
  }

  deinit {
    buffer.deallocate()
  }

  /// A header or any row of text cells, ended.
  public func record(_ cells: [String]) throws {
    for cell in cells { text(cell) }
    try endRecord()
  }

  /// A text cell: neutralised if it could run as a formula, quoted if it holds a comma,
  /// a quote or a line break.
  public func text(_ bytes: UnsafeBufferPointer<UInt8>) {
    separate()
    reserve(bytes.count * 2 + 3)
    var needsQuotes = false
    for byte in bytes where byte == 0x2C || byte == 0x22 || byte == 0x0A || byte == 0x0D {
      needsQuotes = true
      break
    }
    if needsQuotes { append(0x22) }
    if let first = bytes.first, Self.startsAFormula(first) { append(0x27) }
    for byte in bytes {
      if byte == 0x22 { append(0x22) }
      append(byte)
    }
    if needsQuotes { append(0x22) }
  }

  /// A text cell from a Swift string.
  public func text(_ string: String) {
    var copy = string
    copy.withUTF8 { text($0) }
  }

  /// An empty cell.
  public func empty() {
    separate()
  }

  /// An integer cell, written digit by digit.
  public func integer(_ value: Int64) {
    separate()
    reserve(20)
    if value < 0 { append(0x2D) }
    appendDigits(value.magnitude, minimumCount: 1)
  }

  /// A decimal cell with `places` digits after the point: `decimal(-1250, places: 2)` is
  /// `-12.50`.
  public func decimal(_ value: Int64, places: Int) {
    separate()
    reserve(22 + places)
    if value < 0 { append(0x2D) }
    var divisor: UInt64 = 1
    for _ in 0..<places { divisor *= 10 }
    let magnitude = value.magnitude
    appendDigits(magnitude / divisor, minimumCount: 1)
    if places > 0 {
      append(0x2E)
      appendDigits(magnitude % divisor, minimumCount: places)
    }
  }

  /// Ends the record with CRLF, handing the buffer on once it is full enough.
  public func endRecord() throws {
    reserve(2)
    append(0x0D)
    append(0x0A)
    atRecordStart = true
    if used >= Self.flushThreshold { try flush() }
  }

  /// Hands whatever is buffered to the sink.
  public func flush() throws {
    guard used > 0 else { return }
    try sink(UnsafeRawBufferPointer(start: buffer, count: used))
    bytesWritten += Int64(used)
    used = 0
  }

  /// Whether a text cell beginning with `byte` must be neutralised.
  public static func startsAFormula(_ byte: UInt8) -> Bool {
    switch byte {
    case 0x3D, 0x2B, 0x2D, 0x40, 0x09, 0x0D, 0x00: true
    default: false
    }
  }

  private func separate() {
    if atRecordStart {
      atRecordStart = false
    } else {
      reserve(1)
      append(0x2C)
    }
  }

  private func reserve(_ count: Int) {
    guard used + count > capacity else { return }
    let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: (used + count) * 2)
    grown.update(from: buffer, count: used)
    buffer.deallocate()
    buffer = grown
    capacity = (used + count) * 2
  }

  @inline(__always)
  private func append(_ byte: UInt8) {
    buffer[used] = byte
    used += 1
  }

  private func appendDigits(_ value: UInt64, minimumCount: Int) {
    var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)
    var count = 0
    var rest = value
    withUnsafeMutableBytes(of: &digits) { scratch in
      repeat {
        scratch[23 - count] = UInt8(truncatingIfNeeded: rest % 10) + 0x30
        rest /= 10
        count += 1
      } while rest > 0
      while count < minimumCount {
        scratch[23 - count] = 0x30
        count += 1
      }
      for index in (24 - count)..<24 { append(scratch[index]) }
    }
  }
}
