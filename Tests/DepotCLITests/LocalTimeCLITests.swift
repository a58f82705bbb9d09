import Foundation
import Testing

/// SPEC §10 "Local time" through the binary: people see the office's clock with its offset,
/// JSON and CSV carry ISO 8601 with the offset, and the stored UTC instants still verify.
@Suite struct LocalTimeCLITests {
  /// 00:30 on 30 November in Shanghai, still the 29th in UTC.
  static let pastMidnight = "2026-11-29T16:30:00.000Z"
  static let collect = [
    "waste", "collect", "--at", "SITE-CP3", "--category", "infectious", "--containers", "3",
    "--weight", "12.4kg", "--as", "li",
  ]

  /// The cells of a table line: columns are two or more spaces apart.
  static func cells(_ line: String) -> [String] {
    line.split(separator: "  ", omittingEmptySubsequences: true)
      .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
  }

  /// The cells of the line of `result` whose first cell is `first`.
  static func row(_ result: RunResult, _ first: String) throws -> [String] {
    try #require(result.outputLines.map(cells).first { $0.first == first }, result.transcript)
  }

  /// A batch collected just after midnight in the office: its 48-hour deadline and every
  /// step are shown on the office's clock, in the one-line result, the list and the batch.
  @Test func theWasteDeadlineIsShownOnTheOfficesClock() throws {
    let sandbox = try DepotSandbox()
    try sandbox.setUpWasteOffice()
    let collected = try sandbox.succeed(Self.collect, now: Self.pastMidnight)
    #expect(
      collected.outputLines.first
        == "WST-2026-000001 collected: infectious from SITE-CP3, 12.4 kg in 3 container(s); "
        + "hand over by 2026-12-02 00:30 +08:00", collected.transcript)

    let list = try sandbox.succeed(["waste", "list", "--as", "wang"], now: Self.pastMidnight)
    #expect(
      try Self.row(list, "WST-2026-000001") == [
        "WST-2026-000001", "collected", "infectious", "SITE-CP3", "12.4 kg", "3",
        "2026-11-30 00:30 +08:00",
      ])

    let late = "2026-12-01T17:00:00.000Z"
    let show = try sandbox.succeed(["waste", "show", "WST-2026-000001", "--as", "wang"], now: late)
    #expect(try Self.row(show, "Opened") == ["Opened", "2026-11-30 00:30 +08:00 by li"])
    #expect(try Self.row(show, "Collected") == ["Collected", "2026-11-30 00:30 +08:00 by li"])
    #expect(try Self.row(show, "Deadline") == ["Deadline", "2026-12-02 00:30 +08:00 (OVERDUE)"])
    #expect(
      try Self.row(show, "2026-11-30 00:30 +08:00") == [
        "2026-11-30 00:30 +08:00", "waste.collect", "li", "yes",
      ], show.transcript)
    try sandbox.succeed(["ledger", "verify", "--as", "wang"], now: late)
  }

  @Test func jsonInstantsCarryTheOfficesOffset() throws {
    let sandbox = try DepotSandbox()
    try sandbox.setUpWasteOffice()
    try sandbox.succeed(Self.collect, now: Self.pastMidnight)
    let shown = try sandbox.succeed(
      ["waste", "show", "WST-2026-000001", "--as", "wang", "--json"], now: Self.pastMidnight)
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(shown.stdout.utf8)) as? [String: Any])
    let register = try #require(object["register"] as? [String: Any])
    #expect(register["openedAt"] as? String == "2026-11-30T00:30:00.000+08:00")
    #expect(register["deadline"] as? String == "2026-12-02T00:30:00.000+08:00")
    let history = try #require(object["history"] as? [[String: Any]])
    #expect(history.map { $0["at"] as? String } == ["2026-11-30T00:30:00.000+08:00"])
  }

  /// The waste register's instants and the ledger's `recorded_at`, with the column sets as
  /// they were; calendar dates stay `YYYY-MM-DD`.
  @Test func csvExportsWriteInstantsWithTheOffset() throws {
    let sandbox = try DepotSandbox()
    try sandbox.setUpWasteOffice()
    try sandbox.succeed(Self.collect, now: Self.pastMidnight)
    func export(_ kind: String) throws -> [[String]] {
      try sandbox.succeed(
        ["export", kind, "--out", sandbox.path("\(kind).csv"), "--no-bom", "--as", "chen"],
        now: Self.pastMidnight)
      return try ExportGoldenTests.pythonRows(sandbox.path("\(kind).csv"), byteOrderMark: false)
    }
    let register = try export("waste")
    let header = try #require(register.first)
    let batch = try #require(register.last)
    let field = { (name: String) in header.firstIndex(of: name).map { batch[$0] } }
    #expect(header.count == 33)
    #expect(field("opened_at") == "2026-11-30T00:30:00.000+08:00")
    #expect(field("deadline") == "2026-12-02T00:30:00.000+08:00")
    #expect(field("collected_at") == "2026-11-30T00:30:00.000+08:00")
    #expect(field("licence_expires") == "")

    let ledger = try export("ledger")
    let columns = try #require(ledger.first)
    let receipt = try #require(ledger.dropFirst().first)
    #expect(columns.prefix(3) == ["movement", "date", "recorded_at"])
    #expect(receipt.prefix(3) == ["1", "2026-11-29", "2026-11-29T10:00:00.000+08:00"])
  }

  /// The zone is the office's own: a Berlin office sees its summer and winter offsets.
  @Test(arguments: [
    ("2026-07-15T12:00:00.000Z", "2026-07-15 14:00 +02:00", "2026-07-15T14:00:00.000+02:00"),
    ("2026-01-15T12:00:00.000Z", "2026-01-15 13:00 +01:00", "2026-01-15T13:00:00.000+01:00"),
  ])
  func anOfficeSeesItsOwnZone(now: String, shown: String, written: String) throws {
    let sandbox = try DepotSandbox()
    try sandbox.succeed(
      ["init", "--office", "Berlin", "--timezone", "Europe/Berlin", "--admin", "chen"], now: now)
    let keys = try sandbox.succeed(["key", "show", "chen", "--as", "chen"], now: now)
    #expect(try Self.row(keys, "1").prefix(3) == ["1", "active", shown], keys.transcript)
    let json = try sandbox.succeed(["key", "show", "chen", "--as", "chen", "--json"], now: now)
    #expect(json.stdout.contains(#""createdAt" : "\#(written)""#), json.transcript)
  }
}
