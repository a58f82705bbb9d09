import Foundation
import Testing

/// Input as people type it (SPEC §10), through the binary: values that begin with `-`,
/// mistyped subcommands, filter values, serial ranges, replays, a card for a period and
/// notes over several lines.
@Suite struct TypedInputTests {
  @Test func aValueMayBeginWithADash() throws {
    let sandbox = try DepotSandbox()
    try sandbox.runScenario()
    let transfer = try sandbox.succeed(Scenario.transferBoxes + ["--note", "-10 瓶 调拨"])
    #expect(transfer.outputLines.first == "TRF-2026-000002 posted, effective 2026-11-29")
    try sandbox.succeed(
      [
        "receive", "--from", "SUP-JX", "--to", "WH-CENTRAL", "--item", "MASK-SURG", "--qty", "10",
        "--lot", "-A1", "--expiry", "2028-01-31", "--value", "5.00", "--as", "chen",
        "--emergency", "--justification", "-",
      ])
    #expect(try sandbox.stock(["--lots", "--item", "MASK-SURG"]).contains { $0.lot == "-A1" })
  }

  @Test(arguments: [
    (
      ["key", "enroll", "li", "--as", "chen"],
      "'enroll' is not a depot key command; did you mean 'enrol'?"
    ),
    (["isue", "list", "--as", "wang"], "'isue' is not a depot command; did you mean 'issue'?"),
    (
      ["waste", "frobnicate", "--as", "wang"],
      "'frobnicate' is not a depot waste command; use one of: collect, store, handover, resolve, "
        + "dispose, list, show"
    ),
  ])
  func aMistypedSubcommandIsNamedWithTheNearestOne(_ arguments: [String], sentence: String)
    throws
  {
    let sandbox = try DepotSandbox()
    try sandbox.setUpOffice()
    let result = try sandbox.expectRefused(arguments, exit: 64, naming: [])
    #expect(result.stderr == "error: \(sentence)\n")
  }

  @Test func aPriorityFilterIsOneOfThePriorities() throws {
    let sandbox = try DepotSandbox()
    try sandbox.runScenario()
    let result = try sandbox.expectRefused(
      ["issue", "list", "--priority", "soon", "--as", "wang"], exit: 64, naming: [])
    #expect(
      result.errorLines
        == ["error: '--priority' must be one of: urgent, high, normal; see --help for usage"])
  }

  @Test func aSerialRangeGivesEverySerialInIt() throws {
    let sandbox = try DepotSandbox()
    try sandbox.runScenario()
    try sandbox.succeed(
      [
        "receive", "--from", "SUP-JX", "--to", "WH-CENTRAL", "--item", "THERMO-IR", "--qty", "10",
        "--serials", "IR-0003..IR-0012", "--value", "1500.00", "--as", "chen",
      ] + Scenario.emergency)
    try sandbox.succeed(
      [
        "transfer", "--from", "WH-CENTRAL", "--to", "WH-TOWN", "--item", "THERMO-IR",
        "--serial", "IR-0012", "--serials", "IR-0001..IR-0003", "--as", "wang",
      ])
    let thermometers = try sandbox.stock(["--item", "THERMO-IR"])
    #expect(thermometers.first { $0.location == "WH-CENTRAL" }?.onHand == 8)
    #expect(thermometers.first { $0.location == "WH-TOWN" }?.onHand == 4)
    let moved = try sandbox.stock(["--item", "THERMO-IR", "--at", "WH-TOWN", "--lots"])
    #expect(moved.map(\.lot) == ["IR-0001", "IR-0002", "IR-0003", "IR-0012"])
  }

  @Test(arguments: [
    (
      "IR-0001..TH-0003",
      "runs from prefix 'IR-' to prefix 'TH-': give each prefix's serial numbers as a range of "
        + "its own"
    ),
    ("IR-0010..IR-0001", "ends before it starts: write the lower serial number first"),
    (
      "IR-00001..IR-20000",
      "holds 20000 serial numbers, more than 10000: split it into ranges of at most 10000"
    ),
    (
      "IR-0001-IR-0003",
      "is not a range: write FIRST..LAST with one prefix and digits of the same width, like "
        + "IR-0001..IR-0010"
    ),
  ])
  func aSerialRangeThatIsNoneIsRefusedSayingWhy(_ range: String, problem: String) throws {
    let sandbox = try DepotSandbox()
    try sandbox.runScenario()
    let result = try sandbox.expectRefused(
      [
        "transfer", "--from", "WH-CENTRAL", "--to", "WH-TOWN", "--item", "THERMO-IR",
        "--serials", range, "--as", "wang",
      ], exit: 64, naming: [])
    #expect(result.errorLines == ["error: '--serials' \(range) \(problem); see --help for usage"])
  }

  @Test func aReplaySaysTheDocumentWasAlreadyPosted() throws {
    let sandbox = try DepotSandbox()
    try sandbox.setUpOffice()
    let receipt = Scenario.receiveMasks + ["--ref", "rcv-1"]
    let first = try sandbox.succeed(receipt)
    #expect(first.outputLines.first == "RCV-2026-000001 posted, effective 2026-11-29")
    let movements = try sandbox.count("movement")
    let retry = try sandbox.succeed(receipt)
    #expect(retry.outputLines.first == "already posted as RCV-2026-000001, effective 2026-11-29")
    #expect(first.errorLines == [])
    #expect(retry.errorLines == [Self.replayNote("rcv-1")])
    let json = try sandbox.succeed(receipt + ["--json"])
    let document = try #require(
      try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
    #expect(document["number"] as? String == "RCV-2026-000001")
    #expect(document["replayed"] as? Bool == true)
    #expect(try sandbox.count("movement") == movements)
    let fresh = try sandbox.succeed(Scenario.transferBoxes + ["--json"])
    #expect(!fresh.stdout.contains("replayed"))
  }

  static func replayNote(_ reference: String) -> String {
    "note: --ref \(reference) was used before: nothing new was written; this is what that run did"
  }

  @Test func everyKindOfWriteSaysOnStderrWhenItWasAReplay() throws {
    let sandbox = try DepotSandbox()
    try sandbox.setUpOffice()
    let add = [
      "location", "add", "WH-EAST", "--name", "东仓", "--kind", "warehouse", "--ref", "loc-1",
      "--as", "chen",
    ]
    let first = try sandbox.succeed(add)
    let envelopes = try sandbox.count("envelope")
    let retry = try sandbox.succeed(add)
    #expect(retry.stdout == first.stdout)
    #expect(first.errorLines == [])
    #expect(retry.errorLines == [Self.replayNote("loc-1")])
    #expect(try sandbox.count("envelope") == envelopes)
  }

  @Test func aCardForAPeriodStartsFromTheBalanceBeforeIt() throws {
    let sandbox = try DepotSandbox()
    try sandbox.setUpOffice()
    try sandbox.succeed(Scenario.receiveMasks + ["--date", "2026-11-20"])
    try sandbox.succeed(Scenario.transferBoxes + ["--date", "2026-11-25"])
    try sandbox.succeed(Scenario.receiveDonation)
    let card = try sandbox.succeed(
      [
        "card", "MASK-SURG", "--at", "WH-CENTRAL", "--from", "2026-11-25", "--to", "2026-11-28",
        "--as", "wang",
      ])
    let lines = card.outputLines
    #expect(
      lines.first
        == "Stock card MASK-SURG 一次性医用口罩 (piece), at WH-CENTRAL, from 2026-11-25 to 2026-11-28")
    #expect(lines.dropFirst().first == "Opening balance on 2026-11-25: 40000 piece")
    #expect(lines.filter { $0.contains("TRF-2026-000001") }.count == 1)
    #expect(!card.stdout.contains("RCV-2026-000001") && !card.stdout.contains("DON-2026-000001"))
    #expect(lines.last == "Balance: 39850 piece")
  }

  @Test(arguments: [
    ["card", "MASK-SURG"], ["export", "ledger", "--out", "ledger.csv"],
    ["export", "donations", "--out", "donations.csv"],
  ])
  func aPeriodThatEndsBeforeItStartsIsRefused(_ command: [String]) throws {
    let sandbox = try DepotSandbox()
    try sandbox.runScenario()
    let result = try sandbox.expectRefused(
      command + ["--from", "2026-11-25", "--to", "2026-11-20", "--as", "wang"],
      exit: 64, naming: [])
    #expect(!FileManager.default.fileExists(atPath: sandbox.path("ledger.csv")))
    #expect(
      result.errorLines == [
        "error: '--to' 2026-11-20 is before '--from' 2026-11-25: give a last day on or after the "
          + "first; see --help for usage"
      ])
  }

  @Test func aReasonOverSeveralLinesIsShownIndentedUnderItsLabel() throws {
    let sandbox = try DepotSandbox()
    try sandbox.runScenario()
    try sandbox.succeed(
      [
        "procure", "request", "--item", "MASK-SURG=100", "--reason",
        "outbreak at CP3\nstock for a week",
        "--note", "-call 李 first\nthen order", "--as", "wang",
      ])
    let shown = try sandbox.succeed(["procure", "show", "PR-2026-000001", "--as", "wang"])
    #expect(
      shown.stdout.contains(
        "Reason: outbreak at CP3\n        stock for a week\nNote: -call 李 first\n      then order\n"
      ),
      shown.transcript)
  }
}
