import Foundation
import Testing

/// SPEC §3 I8: two clerks taking the last stock at once: one succeeds, the other is refused
/// with a clear "not enough" sentence, and the ledger stays whole.
@Suite struct ConcurrencyTests {
  @Test func twoClerksTakingTheLastStockAtOnceGetOneSuccessAndOneRefusal() throws {
    let sandbox = try DepotSandbox()
    try sandbox.setUpOffice()
    try sandbox.addUser("zhao", ["--role", "clerk"])
    try sandbox.succeed(
      [
        "receive", "--from", "SUP-JX", "--to", "WH-CENTRAL", "--item", "MASK-SURG", "--qty", "1",
        "--unit", "box", "--lot", "LAST-1", "--expiry", "2028-01-31", "--value", "25.00", "--as",
        "chen",
      ] + Scenario.emergency)
    let clerks = try ["wang", "zhao"].map { clerk in
      try sandbox.start(
        DepotBinary.path,
        [
          "transfer", "--from", "WH-CENTRAL", "--to", "WH-TOWN", "--item", "MASK-SURG", "--qty",
          "1", "--unit", "box", "--as", clerk, "--db", sandbox.database,
        ], environment: sandbox.environment())
    }
    let results = clerks.map { $0.finish() }
    #expect(results.map(\.status).sorted() == [0, 1], "\(results.map(\.transcript))")
    let refused = try #require(results.first { $0.status == 1 })
    expectRefusal(
      refused, exit: 1, naming: ["not enough MASK-SURG at WH-CENTRAL: 0 available, 50 requested"])
    let rows = try sandbox.stock(["--item", "MASK-SURG"])
    #expect(rows.map(\.location) == ["WH-TOWN"])
    #expect(rows.map(\.onHand) == [50])
    #expect(rows.map(\.value) == ["25.00"])
    try sandbox.succeed(["ledger", "verify", "--as", "chen"])
  }
}
