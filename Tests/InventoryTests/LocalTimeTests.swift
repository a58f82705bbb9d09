import Foundation
import Inventory
import Testing

/// SPEC §10 "Local time": instants for people to the minute and for JSON and CSV to the
/// millisecond, both in the office's zone with its offset; the stored form stays UTC.
@Suite struct LocalTimeTests {
  static func zone(_ identifier: String) throws -> LocalTime {
    LocalTime(try #require(TimeZone(identifier: identifier)))
  }

  @Test(arguments: [
    // Winter and summer in a zone with daylight saving time.
    ("Europe/Berlin", "2026-01-15T12:00:00.000Z", "2026-01-15 13:00 +01:00"),
    ("Europe/Berlin", "2026-07-15T12:00:00.000Z", "2026-07-15 14:00 +02:00"),
    // The last millisecond before the clocks go forward, and the first after.
    ("Europe/Berlin", "2026-03-29T00:59:59.999Z", "2026-03-29 01:59 +01:00"),
    ("Europe/Berlin", "2026-03-29T01:00:00.000Z", "2026-03-29 03:00 +02:00"),
    ("Asia/Shanghai", "2026-12-03T13:50:29.942Z", "2026-12-03 21:50 +08:00"),
    // Past midnight in the office while it is still the day before in UTC.
    ("Asia/Shanghai", "2026-12-03T16:30:00.000Z", "2026-12-04 00:30 +08:00"),
    ("America/New_York", "2026-12-04T03:05:00.000Z", "2026-12-03 22:05 -05:00"),
    ("Asia/Kolkata", "2026-12-03T18:45:00.000Z", "2026-12-04 00:15 +05:30"),
    ("UTC", "2026-12-03T13:50:29.942Z", "2026-12-03 13:50 +00:00"),
  ])
  func peopleSeeTheOfficesClockToTheMinuteWithItsOffset(
    zone: String, stored: String, shown: String
  ) throws {
    let moment = try #require(Moment(stored))
    #expect(try Self.zone(zone).text(moment) == shown)
  }

  @Test(arguments: [
    ("Europe/Berlin", "2026-01-15T12:00:00.007Z", "2026-01-15T13:00:00.007+01:00"),
    ("Europe/Berlin", "2026-07-15T12:00:00.070Z", "2026-07-15T14:00:00.070+02:00"),
    ("Asia/Shanghai", "2026-12-03T13:50:29.942Z", "2026-12-03T21:50:29.942+08:00"),
    ("Asia/Shanghai", "2026-12-03T16:30:00.000Z", "2026-12-04T00:30:00.000+08:00"),
    ("America/New_York", "2026-12-04T03:05:09.100Z", "2026-12-03T22:05:09.100-05:00"),
    ("UTC", "1969-12-31T23:59:59.999Z", "1969-12-31T23:59:59.999+00:00"),
  ])
  func filesGetISO8601ToTheMillisecondWithTheOffset(
    zone: String, stored: String, written: String
  ) throws {
    let moment = try #require(Moment(stored))
    #expect(try Self.zone(zone).iso8601(moment) == written)
  }

  /// Every local form names the same instant: its clock reading less its offset is the
  /// stored UTC text, read back by the (separately written) parser.
  @Test(arguments: ["Europe/Berlin", "Asia/Shanghai", "America/New_York", "Asia/Kolkata"])
  func theLocalFormNamesTheSameInstant(zone: String) throws {
    let localTime = try Self.zone(zone)
    let start: Int64 = 1_767_225_600_000  // 2026-01-01T00:00:00.000Z
    for milliseconds in stride(from: start, to: start + 400 * 86_400_000, by: 7_777_777_777 / 97) {
      let moment = Moment(milliseconds: milliseconds)
      #expect(Moment(moment.description) == moment)
      let text = localTime.iso8601(moment)
      let sign: Int64 = text.dropFirst(23).first == "-" ? -1 : 1
      let hours = try #require(Int64(text.dropFirst(24).prefix(2)))
      let minutes = try #require(Int64(text.suffix(2)))
      let clock = try #require(Moment(text.prefix(23) + "Z"))
      #expect(
        clock.milliseconds - sign * (hours * 60 + minutes) * 60_000 == milliseconds,
        "\(moment) as \(text)")
    }
  }

  @Test func jsonCarriesTheOffsetOnlyWhereTheEncoderIsGivenTheOfficesClock() throws {
    let moment = try #require(Moment("2026-12-03T13:50:29.942Z"))
    let plain = JSONEncoder()
    #expect(
      String(decoding: try plain.encode([moment]), as: UTF8.self)
        == #"["2026-12-03T13:50:29.942Z"]"#)
    let local = JSONEncoder()
    local.userInfo[.localTime] = try Self.zone("Asia/Shanghai")
    #expect(
      String(decoding: try local.encode([moment]), as: UTF8.self)
        == #"["2026-12-03T21:50:29.942+08:00"]"#)
  }
}
