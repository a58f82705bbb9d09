import Foundation
import Testing

/// Issue 14, "Decisions per line" and "Decisions entered late", through the binary: a line
/// declined with its reason and shown everywhere, the rest awaiting a decision, and the
/// refusals an attacker or a tired approver meets, each one sentence with nothing written.
@Suite struct DecisionCLITests {
  let number = "REQ-2026-000001"

  /// The procurement office with masks and goggles in stock, and li's request for 3000 masks
  /// and 20 goggles.
  func officeWithARequest() throws -> DepotSandbox {
    let sandbox = try DepotSandbox()
    try sandbox.setUpProcurement()
    try sandbox.succeed(Scenario.receiveMasks)
    try sandbox.succeed(
      [
        "receive", "--from", "SUP-JX", "--to", "WH-CENTRAL", "--item", "GOGGLES", "--qty", "50",
        "--value", "500.00", "--as", "chen",
      ] + Scenario.emergency)
    try sandbox.succeed([
      "issue", "request", "--from", "WH-CENTRAL", "--to", "SITE-CP3", "--item", "MASK-SURG=3000",
      "--item", "GOGGLES=20", "--as", "li",
    ])
    return sandbox
  }

  @Test func aLineIsDeclinedWithItsReasonAndTheRestAwaitsADecision() throws {
    let sandbox = try officeWithARequest()
    let approved = try sandbox.succeed([
      "issue", "approve", number, "--item", "mask-surg=2000", "--decline",
      "护目镜=site has goggles", "--as", "zhang",
    ])
    #expect(approved.stdout.contains("Declined:\n  GOGGLES 20 piece: site has goggles"))
    let shown = try sandbox.json(["issue", "show", number, "--as", "li"])
    let lines = try #require(shown["lines"] as? [[String: Any]])
    #expect(lines.map { $0["approved"] as? Int } == [2000, 0])
    #expect(lines.map { $0["declined"] as? Int } == [0, 20])
    #expect(lines.map { $0["awaitingDecision"] as? Int } == [1000, 0])
    #expect(lines.map { $0["declineReason"] as? String } == [nil, "site has goggles"])
    let daily = try sandbox.succeed(["report", "daily", "--as", "wang"])
    #expect(daily.stdout.contains("shipment, decision"), "\(daily.stdout)")
    #expect(daily.stdout.contains("Unmet demand (awaiting decision or declined)"))
    #expect(daily.stdout.contains("site has goggles"), "\(daily.stdout)")

    try sandbox.expectRefused(
      ["issue", "ship", number, "--item", "GOGGLES=5", "--as", "wang"], exit: 1,
      naming: [
        "GOGGLES on \(number) was declined (20: site has goggles) and cannot be shipped; "
          + "leave it out"
      ])
    try sandbox.expectRefused(
      ["issue", "approve", number, "--item", "MASK-SURG=1500", "--as", "zhang"], exit: 1,
      naming: [
        "cannot approve 1500 more MASK-SURG on \(number): 1000 of the 3000 requested await a "
          + "decision"
      ])
    try sandbox.expectRefused(
      ["issue", "approve", number, "--decline", "GOGGLES=again", "--as", "zhang"], exit: 1,
      naming: ["GOGGLES on \(number) awaits no decision: 0 approved, 20 declined"])
    try sandbox.expectRefused(
      ["issue", "approve", number, "--decline", "MASK-SURG", "--as", "zhang"], exit: 64,
      naming: ["'--decline' must be CODE=REASON"])

    let more = try sandbox.json([
      "issue", "approve", number, "--item", "MASK-SURG=500", "--as", "zhang",
    ])
    let after = try #require(more["lines"] as? [[String: Any]])
    #expect(after.map { $0["approved"] as? Int } == [2500, 0])
    try sandbox.succeed(["issue", "close", number, "--reason", "site has enough", "--as", "zhang"])
    try sandbox.expectRefused(
      ["issue", "approve", number, "--as", "zhang"], exit: 1,
      naming: ["\(number) is closed; it cannot be approved"])
    let closed = try sandbox.json(["issue", "show", number, "--as", "li"])
    let final = try #require(closed["lines"] as? [[String: Any]])
    #expect(final.map { $0["declined"] as? Int } == [500, 20])
    #expect(
      final.map { $0["declineReason"] as? String } == ["site has enough", "site has goggles"])
    try sandbox.succeed(["ledger", "verify", "--as", "chen"])
  }

  @Test func aDecisionEnteredLateIsCheckedOnItsDateAndCountedApart() throws {
    let sandbox = try officeWithARequest()
    try sandbox.expectRefused(
      ["issue", "approve", number, "--date", "2026-11-28", "--as", "zhang"], exit: 1,
      naming: [
        "\(number) cannot be approved on 2026-11-28: it was requested on 2026-11-29; "
          + "use --date 2026-11-29 or later"
      ])
    try sandbox.succeed(
      [
        "receive", "--from", "SUP-JX", "--to", "WH-CENTRAL", "--item", "MASK-SURG", "--qty", "500",
        "--lot", "L2250", "--expiry", "2028-01-31", "--value", "175.00", "--date", "2026-11-26",
        "--as", "chen",
      ] + Scenario.emergency)
    try sandbox.succeed([
      "issue", "request", "--from", "WH-CENTRAL", "--to", "SITE-CP3", "--item", "MASK-SURG=100",
      "--date", "2026-11-27", "--as", "li",
    ])
    let late = "REQ-2026-000002"
    try sandbox.succeed(["issue", "approve", late, "--date", "2026-11-28", "--as", "zhang"])
    try sandbox.expectRefused(
      ["issue", "ship", late, "--date", "2026-11-27", "--as", "wang"], exit: 1,
      naming: [
        "\(late) cannot be shipped on 2026-11-27: it was approved on 2026-11-28; "
          + "use --date 2026-11-28 or later"
      ])
    try sandbox.succeed(["issue", "ship", late, "--as", "wang"])
    let report = try sandbox.json(["report", "timeliness", "--as", "zhang"])
    let rows = try #require(report["priorities"] as? [[String: Any]])
    let normal = try #require(rows.first { $0["priority"] as? String == "normal" })
    let approval = try #require(normal["requestToApproval"] as? [String: Any])
    #expect(approval["count"] as? Int == 1)
    #expect(approval["lateEntered"] as? Int == 1)
    #expect(approval["medianHours"] as? Double == 24)
    let text = try sandbox.succeed(["report", "timeliness", "--as", "zhang"])
    #expect(text.stdout.contains("24.0 / 24.0 (1, 1 late)"), "\(text.stdout)")
    try sandbox.succeed(["ledger", "verify", "--as", "chen"])
  }

  @Test func aPurchaseRequestIsDecidedPerLineAndNotApprovedMoreOnceOrdered() throws {
    let sandbox = try DepotSandbox()
    try sandbox.setUpProcurement()
    try sandbox.succeed([
      "procure", "request", "--item", "MASK-N95=2000", "--item", "GOGGLES=100", "--reason",
      "reserve below floor", "--date", "2026-11-27", "--as", "wang",
    ])
    let pr = "PR-2026-000001"
    let approved = try sandbox.succeed([
      "procure", "approve", pr, "--item", "MASK-N95=1500", "--decline",
      "GOGGLES=donation covers it", "--date", "2026-11-28", "--as", "zhang",
    ])
    #expect(approved.stdout.contains("Declined:\n  GOGGLES 100 piece: donation covers it"))
    try sandbox.succeed([
      "procure", "order", pr, "--supplier", "SUP-JX", "--price", "MASK-N95=3.20", "--as", "zhang",
    ])
    let shown = try sandbox.json(["procure", "show", pr, "--as", "sun"])
    let lines = try #require(shown["lines"] as? [[String: Any]])
    #expect(lines.map { $0["approved"] as? Int } == [1500, 0])
    #expect(lines.map { $0["declined"] as? Int } == [500, 100])
    try sandbox.expectRefused(
      ["procure", "approve", pr, "--as", "zhang"], exit: 1,
      naming: ["\(pr) is ordered; it cannot be approved"])
    try sandbox.succeed(["ledger", "verify", "--as", "chen"])
  }
}
