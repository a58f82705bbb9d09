import Foundation
import Macros

/// An instant, to the millisecond: when something was recorded.
///
/// Stored and encoded as its ISO 8601 text in UTC; an encoder whose `userInfo` holds a
/// `LocalTime` under `.localTime` (the command line's `--json`) gets the text with that zone's
/// offset instead. Decoding reads the UTC form; text that names no instant throws.
@MemberwiseInit
public struct Moment: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
  /// Milliseconds since 1970-01-01T00:00:00Z.
  public let milliseconds: Int64

  public init(_ date: Date) {
    milliseconds = Int64((date.timeIntervalSince1970 * 1000).rounded(.down))
  }

  /// Parses the stored form `2026-11-29T08:58:08.123Z`, exactly as `description` writes it.
  public init?(_ text: String) {
    var text = text
    guard let moment = text.withUTF8({ Moment(utf8: $0) }) else { return nil }
    self = moment
  }

  /// Parses the stored form from its UTF-8 bytes (a row's column, read without a string).
  public init?(utf8: UnsafeBufferPointer<UInt8>) {
    guard utf8.count == 24, utf8[10] == UInt8(ascii: "T"), utf8[13] == UInt8(ascii: ":"),
      utf8[16] == UInt8(ascii: ":"), utf8[19] == UInt8(ascii: "."),
      utf8[23] == UInt8(ascii: "Z")
    else { return nil }
    func number(_ range: Range<Int>) -> Int64? {
      var value: Int64 = 0
      for byte in utf8[range] {
        guard (0x30...0x39).contains(byte) else { return nil }
        value = value * 10 + Int64(byte - 0x30)
      }
      return value
    }
    guard let year = number(0..<4), utf8[4] == UInt8(ascii: "-"), let month = number(5..<7),
      utf8[7] == UInt8(ascii: "-"), let dayOfMonth = number(8..<10),
      let day = Day(year: Int(year), month: Int(month), day: Int(dayOfMonth)),
      let hour = number(11..<13), hour < 24, let minute = number(14..<16), minute < 60,
      let second = number(17..<19), second < 60, let millisecond = number(20..<23)
    else { return nil }
    milliseconds =
      day.ordinal * 86_400_000 + hour * 3_600_000 + minute * 60_000 + second * 1000
      + millisecond
  }

  /// ISO 8601 in UTC with milliseconds: `2026-11-29T08:58:08.123Z`, the stored form.
  public var description: String {
    WallClock(self, offsetMinutes: nil).iso8601
  }

  /// The calendar day this instant falls on in a time zone.
  public func day(in timeZone: TimeZone) -> Day {
    let offset = Int64(timeZone.secondsFromGMT(for: Date(self))) * 1000
    let local = milliseconds + offset
    let ordinal = local >= 0 ? local / 86_400_000 : (local - 86_399_999) / 86_400_000
    return Day(ordinal: ordinal)
  }

  /// The first instant of a calendar day in a time zone.
  public static func start(of day: Day, in timeZone: TimeZone) -> Moment {
    let midnightUTC = day.ordinal * 86_400_000
    let offset = Int64(timeZone.secondsFromGMT(for: Date(Moment(milliseconds: midnightUTC))))
    return Moment(milliseconds: midnightUTC - offset * 1000)
  }

  /// The instant `hours` hours later.
  public func adding(hours: Int64) -> Moment {
    Moment(milliseconds: milliseconds + hours * 3_600_000)
  }

  public static func < (lhs: Moment, rhs: Moment) -> Bool { lhs.milliseconds < rhs.milliseconds }

  public init(from decoder: any Decoder) throws {
    let text = try decoder.singleValueContainer().decode(String.self)
    guard let moment = Moment(text) else {
      throw DecodingError.dataCorrupted(
        .init(
          codingPath: decoder.codingPath,
          debugDescription: "not a YYYY-MM-DDTHH:MM:SS.mmmZ instant: \(text)"))
    }
    self = moment
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    let localTime = encoder.userInfo[.localTime] as? LocalTime
    try container.encode(localTime?.iso8601(self) ?? description)
  }
}

extension CodingUserInfoKey {
  /// The `LocalTime` in which an encoder writes instants (see `Moment`).
  public static let localTime = CodingUserInfoKey(rawValue: "depot.localTime")!
}

extension Date {
  /// The instant `moment`.
  public init(_ moment: Moment) {
    self.init(timeIntervalSince1970: Double(moment.milliseconds) / 1000)
  }
}
