import Ledger
import Testing

@testable import Inventory

/// Input as people type it (SPEC §10): serial ranges, replays that say so, a stock card for
/// a period and notes written over several lines.
@Suite struct TypedInputTests {
  @Test func aSerialRangeCountsUpKeepingTheZeroPadding() throws {
    #expect(
      try SerialRange("IR-0001..IR-0010").serials
        == (1...10).map { "IR-" + ($0 < 10 ? "000\($0)" : "00\($0)") })
    #expect(
      try SerialRange("IR-0098..IR-0101").serials == ["IR-0098", "IR-0099", "IR-0100", "IR-0101"])
    #expect(try SerialRange("T8..T11").serials == ["T8", "T9", "T10", "T11"])
    #expect(try SerialRange("7..7").serials == ["7"])
  }

  @Test(arguments: [
    ("IR-0001-IR-0010", SerialRange.Problem.malformed),
    ("IR-0001..", .malformed),
    ("IR-A..IR-B", .malformed),
    ("IR-001..IR-0010", .malformed),
    ("IR-0001..TH-0010", .prefixesDiffer(first: "IR-", last: "TH-")),
    ("IR-0010..IR-0001", .endsBeforeStart),
    ("IR-00001..IR-10001", .tooMany(count: 10_001)),
  ])
  func aRangeThatIsNoneIsRefusedSayingWhy(_ text: String, problem: SerialRange.Problem) {
    #expect(throws: DepotError.invalidSerialRange(range: text, problem: problem)) {
      try SerialRange(text)
    }
  }

  @Test func theLargestRangeHoldsTenThousand() throws {
    #expect(try SerialRange("S-00001..S-10000").serials.count == SerialRange.limit)
  }

  @Test func aReplayIsMarkedAsOneAndOtherwiseIsTheFirstResult() throws {
    let office = try TestOffice()
    let first = try office.receive("GLOVE", 100, value: 500, ref: "r-1")
    #expect(first.replayed == nil)
    var second = try office.receive("GLOVE", 100, value: 500, ref: "r-1")
    #expect(second.replayed == true)
    second.replayed = nil
    #expect(second == first)
    #expect(try office.onHand("GLOVE", at: "WH-CENTRAL") == 100)
  }

  @Test func aCardForAPeriodStartsFromTheBalanceBeforeIt() throws {
    let office = try TestOffice()
    try office.receive("GLOVE", 100, date: Day("2026-11-20"))
    try office.receive("GLOVE", 40, date: Day("2026-11-25"))
    try office.transfer("GLOVE", 30, date: Day("2026-11-26"))
    try office.receive("GLOVE", 7, date: Day("2026-11-28"))
    let card = try office.depot.card(
      CardQuery(
        item: "GLOVE", location: "WH-CENTRAL", from: Day("2026-11-25"), to: Day("2026-11-26")),
      as: "audit")
    #expect(card.opening == 100)
    #expect(card.entries.map(\.balance) == [140, 110])
    #expect(card.entries.map(\.date) == ["2026-11-25", "2026-11-26"])
    #expect(card.balance == 110)
    #expect(card.from == "2026-11-25" && card.to == "2026-11-26")
    let quiet = try office.depot.card(
      CardQuery(item: "GLOVE", location: "WH-CENTRAL", from: Day("2026-11-29")), as: "audit")
    #expect(quiet.opening == 117 && quiet.entries.isEmpty && quiet.balance == 117)
    let whole = try office.depot.card(CardQuery(item: "GLOVE"), as: "audit")
    #expect(whole.opening == nil && whole.entries.count == 4)
  }

  @Test func aCardWhosePeriodEndsBeforeItStartsIsRefused() throws {
    let office = try TestOffice()
    let from = try #require(Day("2026-11-25"))
    let to = try #require(Day("2026-11-20"))
    #expect(throws: DepotError.periodReversed(from: from, to: to)) {
      try office.depot.card(CardQuery(item: "GLOVE", from: from, to: to), as: "audit")
    }
  }

  @Test func notesAndReasonsKeepTheirLinesAndNamesStayOnOne() throws {
    #expect(
      try Text.checkedOptional("-10 瓶\r\n调拨 ", field: .note, lineBreaks: true) == "-10 瓶\n调拨")
    #expect(
      throws: DepotError.invalidText(field: .name, reason: "must not contain control characters")
    ) {
      try Text.checked("口罩\n二号", field: .name)
    }
    #expect(
      throws: DepotError.invalidText(field: .note, reason: "must not contain control characters")
    ) {
      try Text.checked("a\rb", field: .note, lineBreaks: true)
    }
  }
}
