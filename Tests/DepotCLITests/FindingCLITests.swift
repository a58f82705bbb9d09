import Foundation
import Testing

/// SPEC §10 "Finding things" through the `depot` binary: codes in any letter case and unique
/// exact names wherever a code is asked for, `depot show` for any document, and manifests by
/// their paper number.
@Suite struct FindingCLITests {
  static func request(to site: String, item: String = "MASK-SURG") -> [String] {
    [
      "issue", "request", "--from", "wh-central", "--to", site, "--item", "\(item)=100",
      "--as", "li",
    ]
  }

  @Test func aSiteAndAnItemMayBeNamedByTheirChineseNameOrTheirCodeInAnyCase() throws {
    let sandbox = try DepotSandbox()
    try sandbox.runScenario()
    let byName = try sandbox.succeed(Self.request(to: "高速卡口3号", item: "一次性医用口罩"))
    #expect(
      byName.outputLines.first
        == "REQ-2026-000001 requested: normal from WH-CENTRAL to SITE-CP3 for li",
      byName.transcript)
    let byCode = try sandbox.succeed(Self.request(to: "site-cp3", item: "mask-surg"))
    #expect(byCode.outputLines.first?.hasPrefix("REQ-2026-000002 requested") == true)
    #expect(byCode.stdout.contains("MASK-SURG"), byCode.transcript)
  }

  @Test func anUnknownOrAmbiguousNameIsRefusedWithTheClosestAndWritesNothing() throws {
    let sandbox = try DepotSandbox()
    try sandbox.runScenario()
    let unknown = try sandbox.expectRefused(
      Self.request(to: "SITE-CP4"), exit: 1, naming: [])
    #expect(
      unknown.errorLines
        == ["error: unknown location 'SITE-CP4'; did you mean SITE-CP3 (高速卡口3号)?"])
    let typo = try sandbox.expectRefused(
      Self.request(to: "SITE-CP3", item: "一次性医用口"), exit: 1, naming: [])
    #expect(
      typo.errorLines == ["error: unknown item '一次性医用口'; did you mean MASK-SURG (一次性医用口罩)?"])
    for code in ["SITE-OB1", "SITE-OB2"] {
      try sandbox.succeed([
        "location", "add", code, "--name", "观察点", "--kind", "site", "--as", "chen",
      ])
    }
    let ambiguous = try sandbox.expectRefused(
      ["stock", "--at", "观察点", "--as", "wang"], exit: 1, naming: [])
    #expect(
      ambiguous.errorLines
        == ["error: '观察点' is the name of 2 locations: SITE-OB1 and SITE-OB2; give the code"])
  }

  @Test func showPrintsAnyDocumentByItsNumberInAnyCase() throws {
    let sandbox = try DepotSandbox()
    try sandbox.runScenario()
    let shown = try sandbox.succeed(["show", "rcv-2026-000001", "--as", "wang"])
    #expect(
      shown.outputLines == [
        "RCV-2026-000001 posted: receipt, effective 2026-11-29, from SUP-JX to WH-CENTRAL; "
          + "recorded 2026-11-29 10:00 +08:00 by chen",
        "Item       Name            Lot    Expiry      From    To          Quantity  Unit      Value",
        "---------  --------------  -----  ----------  ------  ----------  --------  -----  --------",
        "MASK-SURG  一次性医用口罩  L2301  2028-01-31  SUP-JX  WH-CENTRAL     40000  piece  14000.00",
        "At                       Step               By    Signed  Reason",
        "-----------------------  -----------------  ----  ------  -----------------------",
        "2026-11-29 10:00 +08:00  receipt.emergency  chen  yes     stock before the orders",
      ], shown.transcript)

    let json = try sandbox.json(ShownJSON.self, ["show", "TRF-2026-000001", "--as", "wang"])
    #expect(
      [json.number, json.kind, json.state, json.recordedBy] == [
        "TRF-2026-000001", "transfer", "posted", "wang",
      ])
    #expect(json.lines.map { "\($0.from) \($0.to) \($0.quantity)" } == ["WH-CENTRAL WH-TOWN 150"])

    try sandbox.succeed(Self.request(to: "SITE-CP3"))
    let request = try sandbox.succeed(["show", "REQ-2026-000001", "--as", "wang"])
    let issueShow = try sandbox.succeed(["issue", "show", "req-2026-000001", "--as", "wang"])
    #expect(request.stdout == issueShow.stdout)
  }

  @Test func anUnknownDocumentNumberIsRefusedWithTheClosestOfItsKind() throws {
    let sandbox = try DepotSandbox()
    try sandbox.runScenario()
    let unknown = try sandbox.expectRefused(
      ["show", "RCV-2026-000003", "--as", "wang"], exit: 1, naming: [])
    #expect(
      unknown.errorLines == [
        "error: unknown document 'RCV-2026-000003'; "
          + "did you mean RCV-2026-000001 or RCV-2026-000002?"
      ])
  }

  @Test func aManifestIsNamedByItsPaperNumber() throws {
    let sandbox = try DepotSandbox()
    try sandbox.setUpWasteOffice()
    try sandbox.succeed([
      "waste", "collect", "--at", "高速卡口3号", "--category", "infectious", "--containers", "1",
      "--weight", "2kg", "--as", "li",
    ])
    try sandbox.succeed(["waste", "store", "WST-2026-000001", "--at", "暂存点1", "--as", "wang"])
    try sandbox.succeed([
      "waste", "handover", "wst-2026-000001", "--contractor", "env-co", "--manifest",
      "3401-2026-118", "--weight", "2kg", "--containers", "1", "--driver", "赵师傅", "--vehicle",
      "皖N·12345", "--as", "wang",
    ])
    let byPaper = try sandbox.succeed(["show", "3401-2026-118", "--as", "wang"])
    let byNumber = try sandbox.succeed(["waste", "show", "MAN-2026-000001", "--as", "wang"])
    #expect(byPaper.stdout == byNumber.stdout)
    #expect(byPaper.outputLines.first?.hasPrefix("MAN-2026-000001 handed-over") == true)

    func dispose(_ manifest: String) -> [String] {
      [
        "waste", "dispose", manifest, "--certificate", "C-7781", "--method", "incineration",
        "--destination", "__焚烧厂", "--as", "wang",
      ]
    }
    let unknown = try sandbox.expectRefused(dispose("3401-2026-119"), exit: 1, naming: [])
    #expect(
      unknown.errorLines == [
        "error: no manifest has the paper number '3401-2026-119'; "
          + "did you mean 3401-2026-118 (MAN-2026-000001)?"
      ])
    let disposed = try sandbox.succeed(dispose("3401-2026-118"))
    #expect(disposed.outputLines.first?.hasPrefix("MAN-2026-000001 disposed") == true)
  }
}

/// The parts of `depot show RCV-... --json` (a document without a view of its kind) the tests
/// read.
struct ShownJSON: Decodable {
  struct Line: Decodable {
    var from: String
    var to: String
    var quantity: Int64
  }

  var number: String
  var kind: String
  var state: String
  var recordedBy: String
  var lines: [Line]
}
