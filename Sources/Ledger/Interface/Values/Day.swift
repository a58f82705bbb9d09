import Macros

/// A calendar day, `YYYY-MM-DD`, without time or time zone: effective dates and expiries.
///
/// Encoded (and stored) as its `YYYY-MM-DD` text; decoding text that names no day throws.
@MemberwiseInit
public struct Day: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
  /// Days since 1970-01-01.
  public let ordinal: Int64

  /// The day with this year, month and day of month, if it exists.
  public init?(year: Int, month: Int, day: Int) {
    guard (1...9999).contains(year), (1...12).contains(month),
      (1...Self.daysIn(month: month, year: year)).contains(day)
    else { return nil }
    ordinal = Self.ordinal(year: Int64(year), month: Int64(month), day: Int64(day))
  }

  /// Parses `YYYY-MM-DD`; nil unless it names a real day.
  public init?(_ text: some StringProtocol) {
    if let day = Self.parsing(Substring(text).utf8) {
      self = day
      return
    }
    let parts = text.split(separator: "-", omittingEmptySubsequences: false)
    guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
      parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
      let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2])
    else { return nil }
    self.init(year: year, month: month, day: day)
  }

  /// The day written exactly `YYYY-MM-DD` in ASCII digits, read without allocating.
  private static func parsing(_ bytes: Substring.UTF8View) -> Day? {
    guard bytes.count == 10 else { return nil }
    var values = (0, 0, 0)
    var part = 0
    for (offset, byte) in bytes.enumerated() {
      if offset == 4 || offset == 7 {
        guard byte == 0x2D else { return nil }
        part += 1
        continue
      }
      guard (0x30...0x39).contains(byte) else { return nil }
      let digit = Int(byte - 0x30)
      switch part {
      case 0: values.0 = values.0 * 10 + digit
      case 1: values.1 = values.1 * 10 + digit
      default: values.2 = values.2 * 10 + digit
      }
    }
    return Day(year: values.0, month: values.1, day: values.2)
  }

  public var components: (year: Int, month: Int, day: Int) {
    // Howard Hinnant's civil_from_days.
    let z = ordinal + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let dayOfEra = z - era * 146_097
    let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let shiftedMonth = (5 * dayOfYear + 2) / 153
    let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
    let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
    let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
    return (Int(year), Int(month), Int(day))
  }

  public var year: Int { components.year }

  /// The month this day falls in, `YYYY-MM`.
  public var period: String {
    let (year, month, _) = components
    return ClockText.spelled { text in
      text.append(Int64(year), width: 4)
      text.append("-")
      text.append(Int64(month), width: 2)
    }
  }

  public var description: String { ClockText.spelled { $0.append(self) } }

  /// The day `count` days later (earlier when negative).
  public func adding(days count: Int64) -> Day {
    Day(ordinal: ordinal + count)
  }

  /// The last day of the month `YYYY-MM`, if `period` names one.
  public static func lastDay(ofPeriod period: some StringProtocol) -> Day? {
    let parts = period.split(separator: "-", omittingEmptySubsequences: false)
    guard parts.count == 2, parts[0].count == 4, parts[1].count == 2,
      let year = Int(parts[0]), let month = Int(parts[1]), (1...12).contains(month)
    else { return nil }
    return Day(year: year, month: month, day: daysIn(month: month, year: year))
  }

  public static func < (lhs: Day, rhs: Day) -> Bool { lhs.ordinal < rhs.ordinal }

  public init(from decoder: any Decoder) throws {
    let text = try decoder.singleValueContainer().decode(String.self)
    guard let day = Day(text) else {
      throw DecodingError.dataCorrupted(
        .init(codingPath: decoder.codingPath, debugDescription: "not a YYYY-MM-DD day: \(text)"))
    }
    self = day
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(description)
  }

  static func daysIn(month: Int, year: Int) -> Int {
    switch month {
    case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
    case 4, 6, 9, 11: 30
    default: 31
    }
  }

  private static func ordinal(year: Int64, month: Int64, day: Int64) -> Int64 {
    // Howard Hinnant's days_from_civil.
    let shiftedYear = month <= 2 ? year - 1 : year
    let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
    let yearOfEra = shiftedYear - era * 400
    let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
    let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
    return era * 146_097 + dayOfEra - 719_468
  }
}
