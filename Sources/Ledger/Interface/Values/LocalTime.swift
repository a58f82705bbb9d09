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
    reading(moment).spelled(dateSeparator: " ", seconds: false, offsetSeparator: " ")
  }

  /// ISO 8601 to the millisecond with the offset, for JSON and CSV:
  /// `2026-12-03T21:50:29.942+08:00`.
  public func iso8601(_ moment: Moment) -> String { reading(moment).iso8601 }

  private func reading(_ moment: Moment) -> WallClock {
    WallClock(
      moment, offsetMinutes: Int64(timeZone.secondsFromGMT(for: Date(moment)) / 60))
  }
}

/// An instant as a clock shows it: the calendar day and time of day at an offset from UTC.
struct WallClock {
  let day: Day
  /// Milliseconds since the day began on this clock.
  let time: Int64
  /// Minutes ahead of UTC; nil for UTC itself, written `Z`.
  let offsetMinutes: Int64?

  init(_ moment: Moment, offsetMinutes: Int64?) {
    let milliseconds = moment.milliseconds + (offsetMinutes ?? 0) * 60_000
    let ordinal =
      milliseconds >= 0 ? milliseconds / 86_400_000 : (milliseconds - 86_399_999) / 86_400_000
    day = Day(ordinal: ordinal)
    time = milliseconds - ordinal * 86_400_000
    self.offsetMinutes = offsetMinutes
  }

  /// ISO 8601 to the millisecond: `2026-12-03T21:50:29.942+08:00`.
  var iso8601: String { spelled(dateSeparator: "T", seconds: true, offsetSeparator: nil) }

  /// The day, `dateSeparator`, the time to the minute (to the millisecond with `seconds`),
  /// then the offset (after `offsetSeparator` where given).
  func spelled(dateSeparator: Unicode.Scalar, seconds: Bool, offsetSeparator: Unicode.Scalar?)
    -> String
  {
    ClockText.spelled { text in
      text.append(day)
      text.append(dateSeparator)
      text.append(time / 3_600_000, width: 2)
      text.append(":")
      text.append(time / 60_000 % 60, width: 2)
      if seconds {
        text.append(":")
        text.append(time / 1000 % 60, width: 2)
        text.append(".")
        text.append(time % 1000, width: 3)
      }
      if let offsetSeparator { text.append(offsetSeparator) }
      guard let offsetMinutes else { return text.append("Z") }
      text.append(offsetMinutes < 0 ? "-" : "+")
      text.append(Int64(offsetMinutes.magnitude / 60), width: 2)
      text.append(":")
      text.append(Int64(offsetMinutes.magnitude % 60), width: 2)
    }
  }
}
