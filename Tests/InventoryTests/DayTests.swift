import Foundation
import Testing

@testable import Inventory

@Suite struct DayTests {
  @Test func realDaysParseAndPrintTheSame() {
    for text in ["2026-11-29", "2024-02-29", "2000-02-29", "1970-01-01", "2099-12-31"] {
      #expect(Day(text)?.description == text)
    }
  }

  @Test func daysThatDoNotExistAreRefused() {
    for text in [
      "2026-02-29", "1900-02-29", "2026-13-01", "2026-00-10", "2026-04-31", "26-11-29",
      "2026/11/29", "2026-11-29T00:00", "", "２０２６-11-29",
    ] {
      #expect(Day(text) == nil, "\(text)")
    }
  }

  @Test func daysCountAcrossMonthsAndYears() throws {
    let day = try #require(Day("2026-12-31"))
    #expect(day.adding(days: 1).description == "2027-01-01")
    #expect(try #require(Day("2024-03-01")).adding(days: -1).description == "2024-02-29")
    #expect(day.period == "2026-12")
    #expect(Day.lastDay(ofPeriod: "2026-02")?.description == "2026-02-28")
  }

  @Test func momentsPrintInUTCAndFallOnTheOfficeDay() throws {
    let moment = try #require(Moment("2026-11-29T17:30:05.042Z"))
    #expect(moment.description == "2026-11-29T17:30:05.042Z")
    let shanghai = try #require(TimeZone(identifier: "Asia/Shanghai"))
    #expect(moment.day(in: shanghai).description == "2026-11-30")
    #expect(moment.adding(hours: 48).description == "2026-12-01T17:30:05.042Z")
  }
}
