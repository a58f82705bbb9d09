import Foundation

/// How the clock in a time zone reads instants: the one place where the two forms in which
/// people and files see an instant are written (SPEC §10 "Local time"). The stored form, in
/// UTC, is `Moment.description`; what is hashed or stored never goes through here.
///
/// The offset is the zone's at that instant (summer time included), in whole minutes.
public struct LocalTime: Sendable, Equatable {
  public let timeZone: TimeZone

  public init(_ timeZone: TimeZone) {
    self.timeZone = timeZone
  }

  /// UTC, where no office's zone is known.
  public static let utc = LocalTime(TimeZone(secondsFromGMT: 0)!)

  /// For people, to the minute, with the offset: `2026-12-03 21:50 +08:00`.
  public func text(_ moment: Moment) -> String {
    let clock = reading(moment)
    return "\(clock.day) \(clock.hour):\(clock.minute) \(clock.offset)"
  }

  /// ISO 8601 to the millisecond with the offset, for JSON and CSV:
  /// `2026-12-03T21:50:29.942+08:00`.
  public func iso8601(_ moment: Moment) -> String { reading(moment).iso8601 }

  private func reading(_ moment: Moment) -> WallClock {
    let offsetMinutes = Int64(timeZone.secondsFromGMT(for: Date(moment)) / 60)
    let sign = offsetMinutes < 0 ? "-" : "+"
    let magnitude = offsetMinutes.magnitude
    return WallClock(
      milliseconds: moment.milliseconds + offsetMinutes * 60_000,
      offset: "\(sign)\(WallClock.digits(Int64(magnitude / 60), 2)):"
        + WallClock.digits(Int64(magnitude % 60), 2))
  }
}

/// An instant split into the calendar day and time of day a clock shows, as digits.
struct WallClock {
  let day: Day
  let hour: String
  let minute: String
  let second: String
  let millisecond: String
  /// `Z`, or the offset from UTC: `+08:00`.
  let offset: String

  /// Splits `milliseconds` counted from 1970-01-01T00:00 on this clock.
  init(milliseconds: Int64, offset: String) {
    let ordinal =
      milliseconds >= 0 ? milliseconds / 86_400_000 : (milliseconds - 86_399_999) / 86_400_000
    let rest = milliseconds - ordinal * 86_400_000
    day = Day(ordinal: ordinal)
    hour = Self.digits(rest / 3_600_000, 2)
    minute = Self.digits(rest / 60_000 % 60, 2)
    second = Self.digits(rest / 1000 % 60, 2)
    millisecond = Self.digits(rest % 1000, 3)
    self.offset = offset
  }

  /// ISO 8601 to the millisecond: `2026-12-03T21:50:29.942+08:00`.
  var iso8601: String { "\(day)T\(hour):\(minute):\(second).\(millisecond)\(offset)" }

  /// `value` (not negative) with leading zeros to `width` digits.
  static func digits(_ value: Int64, _ width: Int) -> String {
    let text = String(value)
    return String(repeating: "0", count: max(0, width - text.count)) + text
  }
}
