/// Days and instants spelled as ASCII digits into one string, without a string per field:
/// the export writes an instant on every row, and every write stores one.
struct ClockText {
  private let buffer: UnsafeMutableBufferPointer<UInt8>
  private(set) var count = 0

  /// Enough for any `Int64` year and the widest form (`…-MM-DDTHH:MM:SS.mmm+HH:MM`).
  private static let capacity = 48

  /// The string `write` spells.
  static func spelled(_ write: (inout ClockText) -> Void) -> String {
    String(unsafeUninitializedCapacity: capacity) { buffer in
      var text = ClockText(buffer: buffer)
      write(&text)
      return text.count
    }
  }

  private init(buffer: UnsafeMutableBufferPointer<UInt8>) {
    self.buffer = buffer
  }

  /// One ASCII character.
  mutating func append(_ character: Unicode.Scalar) {
    buffer[count] = UInt8(ascii: character)
    count += 1
  }

  /// `value` in decimal with leading zeros to `width` digits (more digits where it has more;
  /// a minus sign first where it is negative).
  mutating func append(_ value: Int64, width: Int) {
    if value < 0 { append("-") }
    var rest = value.magnitude
    var digits = 1
    var power: UInt64 = 10
    while digits < 20, rest >= power {
      digits += 1
      power = power.multipliedReportingOverflow(by: 10).partialValue
    }
    let end = count + max(width, digits)
    for index in stride(from: end - 1, through: count, by: -1) {
      buffer[index] = 0x30 + UInt8(rest % 10)
      rest /= 10
    }
    count = end
  }

  /// `YYYY-MM-DD`.
  mutating func append(_ day: Day) {
    let (year, month, dayOfMonth) = day.components
    append(Int64(year), width: 4)
    append("-")
    append(Int64(month), width: 2)
    append("-")
    append(Int64(dayOfMonth), width: 2)
  }
}
