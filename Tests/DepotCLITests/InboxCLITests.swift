import Foundation
import Testing

/// `depot inbox`, the unusable stock column and a reservation on a lot that expired, end to
/// end (SPEC §10).
@Suite struct InboxCLITests {
  /// 09:00 on 2026-12-01 in Shanghai, a day after lot L1 expired.
  static let later = "2026-12-01T01:00:00.000Z"

  /// 2000 masks in lot L1, which expires on 2026-11-30, all reserved by li's first request
  /// (approved by zhang at 10:00 on 2026-11-29); li's second request, made at 11:30, waits.
  func officeWithAnExpiredReservation() throws -> DepotSandbox {
    let sandbox = try DepotSandbox()
    try sandbox.setUpProcurement()
    try sandbox.succeed(
      [
        "receive", "--from", "SUP-JX", "--to", "WH-CENTRAL", "--item", "MASK-SURG", "--qty",
        "2000", "--lot", "L1", "--expiry", "2026-11-30", "--value", "100.00", "--as", "chen",
      ] + Scenario.emergency)
    let request = [
      "issue", "request", "--from", "WH-CENTRAL", "--to", "SITE-CP3", "--as", "li", "--item",
    ]
    try sandbox.succeed(request + ["MASK-SURG=2000"])
    try sandbox.succeed(["issue", "approve", "REQ-2026-000001", "--as", "zhang"])
    try sandbox.succeed(request + ["MASK-SURG=100"], now: "2026-11-29T03:30:00.000Z")
    return sandbox
  }

  @Test func theApproversInboxSaysWhatWaitsSinceWhenAndTheCommand() throws {
    let sandbox = try officeWithAnExpiredReservation()
    let inbox = try sandbox.succeed(["inbox", "--as", "zhang"], now: Self.later)
    #expect(
      inbox.stdout == """
        Waiting for zhang, oldest first:
        2026-11-29 11:30 +08:00  Request REQ-2026-000002 for SITE-CP3 awaits your decision
          depot issue approve REQ-2026-000002 --as zhang
        2026-12-01 00:00 +08:00  REQ-2026-000001: 2000 piece MASK-SURG reserved at WH-CENTRAL no longer covered by usable stock
          depot issue repoint REQ-2026-000001 --item MASK-SURG --as zhang

        """)
    let clerk = try sandbox.succeed(["inbox", "--json", "--as", "wang"], now: Self.later)
    let json = try #require(
      try JSONSerialization.jsonObject(with: Data(clerk.stdout.utf8)) as? [String: Any])
    let entries = try #require(json["entries"] as? [[String: Any]])
    #expect(entries.map { $0["task"] as? String } == ["write-off-expired"])
    #expect(
      entries.first?["command"] as? String
        == "depot writeoff --at WH-CENTRAL --item MASK-SURG --lot L1 --qty 2000 --reason expired "
        + "--as wang")
    #expect(entries.first?["since"] as? String == "2026-12-01T00:00:00.000+08:00")
    #expect(entries.first?["expiry"] as? String == "2026-11-30")
    let none = try sandbox.succeed(["inbox", "--as", "sun"], now: Self.later)
    #expect(none.stdout == "Nothing waits for you.\n")
  }

  @Test func shipRefusesTheUncoveredReservationUntilItIsRepointed() throws {
    let sandbox = try officeWithAnExpiredReservation()
    try sandbox.expectRefused(
      ["issue", "ship", "REQ-2026-000001", "--as", "wang"], exit: 1,
      naming: [
        "error: REQ-2026-000001 reserves 2000 MASK-SURG at WH-CENTRAL but usable stock covers "
          + "only 0 (lot L1 expired on 2026-11-30); an approver re-points it with 'depot issue "
          + "repoint REQ-2026-000001 --item MASK-SURG', which releases what no usable lot covers"
      ], now: Self.later)
    try sandbox.expectRefused(
      ["issue", "repoint", "REQ-2026-000001", "--item", "MASK-SURG", "--as", "wang"], exit: 2,
      naming: ["error: wang may not re-point reservations: that needs the approver role"],
      now: Self.later)
    let repointed = try sandbox.succeed(
      ["issue", "repoint", "REQ-2026-000001", "--item", "mask-surg", "--as", "zhang"],
      now: Self.later)
    #expect(
      repointed.stdout
        == "Re-pointed REQ-2026-000001 MASK-SURG at WH-CENTRAL: 0 piece still reserved on no "
        + "lot, 2000 piece released\n")
    try sandbox.expectRefused(
      ["issue", "ship", "REQ-2026-000001", "--as", "wang"], exit: 1,
      naming: ["error: REQ-2026-000001 has nothing left to ship"], now: Self.later)
  }

  @Test func theStockTableShowsWhatCannotBeUsed() throws {
    let sandbox = try officeWithAnExpiredReservation()
    let result = try sandbox.succeed(["stock", "--json", "--as", "wang"], now: Self.later)
    let rows = try #require(
      try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
    #expect(
      rows.map { row in ["onHand", "reserved", "available", "unusable"].map { row[$0] as? Int } }
        == [[2000, 0, 0, 2000]])
    let table = try sandbox.succeed(["stock", "--as", "wang"], now: Self.later)
    #expect(
      table.outputLines == [
        "Item       Name            Location    On hand  Reserved  Available  Unusable  Unit    Value",
        "---------  --------------  ----------  -------  --------  ---------  --------  -----  ------",
        "MASK-SURG  一次性医用口罩  WH-CENTRAL     2000         0          0      2000  piece  100.00",
      ], table.transcript)
  }
}
