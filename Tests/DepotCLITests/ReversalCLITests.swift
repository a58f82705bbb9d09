import Foundation
import Testing

/// `depot reverse` end to end: a receipt entered twice is reversed, its order and payables
/// take it back, and the refusals exit as SPEC §5 says.
@Suite struct ReversalCLITests {
  /// An office with an order of 100 N95 masks at 3.20, received twice by wang.
  func officeWithADoubleReceipt() throws -> DepotSandbox {
    let sandbox = try DepotSandbox()
    try sandbox.setUpProcurement()
    try sandbox.succeed([
      "procure", "request", "--item", "MASK-N95=100", "--reason", "reserve", "--as", "li",
    ])
    try sandbox.succeed(["procure", "approve", "PR-2026-000001", "--as", "zhang"])
    try sandbox.succeed([
      "procure", "order", "PR-2026-000001", "--supplier", "SUP-JX", "--price", "MASK-N95=3.20",
      "--as", "zhang",
    ])
    for _ in 0..<2 {
      try sandbox.succeed([
        "receive", "--order", "PO-2026-000001", "--to", "WH-CENTRAL", "--item", "MASK-N95",
        "--qty", "40", "--lot", "N95-A1", "--expiry", "2028-03-01", "--as", "wang",
      ])
    }
    return sandbox
  }

  @Test func aReceiptEnteredTwiceIsReversedAndTheOrderAndPayablesTellTheTruth() throws {
    let sandbox = try officeWithADoubleReceipt()
    #expect(try sandbox.payables()["receivedNotInvoiced"] as? String == "256.00")
    let posted = try sandbox.succeed([
      "reverse", "RCV-2026-000002", "--reason", "entered twice", "--as", "zhang",
    ])
    #expect(
      posted.outputLines.first
        == "REV-2026-000001 posted, effective 2026-11-29, reverses RCV-2026-000002")
    #expect(
      posted.stdout.contains("N95-A1  2028-03-01  WH-CENTRAL  SUP-JX        40  piece  128.00"))
    #expect(posted.stdout.contains("Reason: entered twice"))
    let order = try sandbox.json(["procure", "show", "PO-2026-000001", "--as", "sun"])
    #expect(order["state"] as? String == "partially received")
    let lines = try #require(order["lines"] as? [[String: Any]])
    #expect(lines.map { $0["received"] as? Int } == [40])
    #expect(try sandbox.payables()["receivedNotInvoiced"] as? String == "128.00")
    let shown = try sandbox.json(["reverse", "show", "RCV-2026-000002", "--as", "sun"])
    #expect(shown["reversedBy"] as? String == "REV-2026-000001")
    let reversal = try sandbox.json(["reverse", "show", "REV-2026-000001", "--as", "sun"])
    #expect(reversal["reverses"] as? String == "RCV-2026-000002")
    #expect(reversal["reason"] as? String == "entered twice")
    #expect(try sandbox.stock(["--item", "MASK-N95"]).map(\.onHand) == [40])
    let card = try sandbox.succeed(["card", "MASK-N95", "--as", "sun"])
    #expect(card.stdout.contains("RCV-2026-000002"))
    #expect(card.stdout.contains("REV-2026-000001"))
    try sandbox.succeed(["ledger", "verify", "--as", "sun"])
    try sandbox.expectRefused(
      ["reverse", "RCV-2026-000002", "--reason", "again", "--as", "zhang"], exit: 1,
      naming: ["RCV-2026-000002 was already reversed by REV-2026-000001"])
    try sandbox.expectRefused(
      ["reverse", "REV-2026-000001", "--reason", "undo", "--as", "zhang"], exit: 1,
      naming: ["REV-2026-000001 is the reversal of RCV-2026-000002 and cannot itself be reversed"])
  }

  @Test func aReversedDonationLeavesTheDonorReportAndTheExportShowsItGivenBack() throws {
    let sandbox = try DepotSandbox()
    try sandbox.setUpProcurement()
    try sandbox.succeed(Scenario.receiveDonation)
    let reverse = [
      "reverse", "DON-2026-000001", "--reason", "wrong donor", "--as", "zhang", "--ref", "r1",
    ]
    let reversal = try sandbox.json(reverse)
    #expect(reversal["number"] as? String == "REV-2026-000001")
    #expect(reversal["reverses"] as? String == "DON-2026-000001")
    let lines = try #require(reversal["lines"] as? [[String: Any]])
    #expect(
      lines.map { [$0["from"] as? String, $0["to"] as? String] } == [["WH-CENTRAL", "DON-RC"]])
    let replay = try sandbox.json(reverse)
    #expect(replay["number"] as? String == "REV-2026-000001", "a replay posts once")
    let donors = try sandbox.json(["report", "donors", "--as", "sun"])
    #expect((donors["donors"] as? [Any])?.isEmpty == true)
    try sandbox.succeed([
      "export", "donations", "--out", sandbox.path("donations.csv"), "--no-bom", "--as", "sun",
    ])
    let csv = try String(contentsOfFile: sandbox.path("donations.csv"), encoding: .utf8)
    let rows = csv.components(separatedBy: "\r\n").filter { !$0.isEmpty }.dropFirst().map {
      $0.components(separatedBy: ",")
    }
    #expect(
      rows.map { [$0[1], $0[8], $0[9], $0[11]] } == [
        ["DON-2026-000001", "accepted", "10000", "0.00"],
        ["REV-2026-000001", "reversed", "-10000", "0.00"],
      ])
    try sandbox.succeed(["ledger", "verify", "--as", "sun"])
  }

  @Test func theRecorderAClerkAndGoodsThatMovedOnAreRefused() throws {
    let sandbox = try officeWithADoubleReceipt()
    try sandbox.expectRefused(
      ["reverse", "RCV-2026-000002", "--reason", "mine", "--as", "wang"], exit: 2,
      naming: ["wang may not reverse documents: that needs the approver role"])
    try sandbox.succeed([
      "receive", "--from", "SUP-JX", "--emergency", "--justification", "outbreak", "--to",
      "WH-CENTRAL", "--item", "GOGGLES", "--qty", "10", "--value", "100.00", "--as", "zhang",
    ])
    try sandbox.expectRefused(
      ["reverse", "RCV-2026-000003", "--reason", "mine", "--as", "zhang"], exit: 2,
      naming: ["zhang recorded RCV-2026-000003 and so may not reverse it: another approver must"])
    try sandbox.succeed([
      "transfer", "--from", "WH-CENTRAL", "--to", "WH-TOWN", "--item", "MASK-N95", "--qty", "50",
      "--as", "wang",
    ])
    try sandbox.expectRefused(
      ["reverse", "RCV-2026-000002", "--reason", "twice", "--as", "zhang"], exit: 1,
      naming: [
        "RCV-2026-000002 cannot be reversed: MASK-N95 lot N95-A1 at WH-CENTRAL has moved on with "
          + "TRF-2026-000001; undo TRF-2026-000001 first"
      ])
    try sandbox.expectRefused(
      ["reverse", "PO-2026-000001", "--reason", "twice", "--as", "zhang"], exit: 1,
      naming: ["PO-2026-000001 is a PO document and cannot be reversed"])
    try sandbox.expectRefused(
      ["reverse", "RCV-2026-000099", "--reason", "twice", "--as", "zhang"], exit: 1,
      naming: [
        "unknown document 'RCV-2026-000099'; did you mean RCV-2026-000001, RCV-2026-000002 or "
          + "RCV-2026-000003?"
      ])
  }
}
