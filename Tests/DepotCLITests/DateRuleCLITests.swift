import Foundation
import Testing

/// Issue 12, "Dates": after November is closed, a shipment or confirmation dated in it, or in
/// the future, is refused with exit 1 and the database is left as it was.
@Suite struct DateRuleCLITests {
  @Test func shipAndConfirmRefuseAClosedMonthAndAFutureDate() throws {
    let sandbox = try DepotSandbox()
    try sandbox.setUpProcurement()
    try sandbox.succeed(Scenario.receiveMasks)
    try sandbox.succeed([
      "issue", "request", "--from", "WH-CENTRAL", "--to", "SITE-CP3", "--item", "MASK-SURG=30",
      "--as", "li",
    ])
    try sandbox.succeed(["issue", "approve", "REQ-2026-000001", "--as", "zhang"])
    let december = "2026-12-01T02:00:00.000Z"
    try sandbox.succeed(["period", "close", "2026-11", "--as", "sun"], now: december)
    for step in ["ship", "confirm"] {
      let user = step == "ship" ? "wang" : "li"
      let participle = step == "ship" ? "shipped" : "confirmed"
      let refusals = [
        (
          "2026-11-30",
          "the period 2026-11 is closed; use --date 2026-12-01 or later"
        ),
        ("2026-12-31", "that is after today, 2026-12-01; use --date 2026-12-01 or earlier"),
      ]
      for (date, why) in refusals {
        try sandbox.expectRefused(
          ["issue", step, "REQ-2026-000001", "--date", date, "--as", user], exit: 1,
          naming: ["REQ-2026-000001 cannot be \(participle) on \(date): \(why)"], now: december)
      }
      try sandbox.succeed(["issue", step, "REQ-2026-000001", "--as", user], now: december)
    }
    let stock = try sandbox.succeed(
      ["stock", "--at", "SITE-CP3", "--as-of", "2026-12-01", "--json", "--as", "wang"],
      now: december)
    let rows = try #require(
      try JSONSerialization.jsonObject(with: Data(stock.stdout.utf8)) as? [[String: Any]])
    #expect(rows.map { $0["onHand"] as? Int } == [30], stock.transcript)
  }
}
