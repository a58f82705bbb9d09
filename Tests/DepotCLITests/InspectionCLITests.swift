import Testing

/// A delivery refused whole at inspection: `--qty 0` with what was refused and why.
@Suite struct InspectionCLITests {
  @Test func aDonationRefusedWholeIsRecordedWithNothingInStock() throws {
    let sandbox = try DepotSandbox()
    try sandbox.runScenario()
    let (movements, lots) = (try sandbox.count("movement"), try sandbox.count("lot"))
    let donation = [
      "donation", "receive", "--from", "DON-RC", "--to", "WH-CENTRAL", "--item", "MASK-SURG",
      "--qty", "0",
    ]
    try sandbox.expectRefused(
      donation + ["--as", "wang"], exit: 64,
      naming: [
        "'--qty 0' records a line refused whole at inspection: give '--rejected' and "
          + "'--reason', and no serials"
      ])
    try sandbox.expectRefused(
      donation + ["--value", "120.00", "--rejected", "10", "--reason", "wet", "--as", "wang"],
      exit: 1, naming: ["'--value' must be 0 or left out when nothing was accepted"])
    let refused = try sandbox.succeed(
      donation + ["--rejected", "10", "--reason", "cartons soaked", "--as", "wang"])
    #expect(
      refused.outputLines.last == "Rejected at inspection: 10 piece MASK-SURG (cartons soaked)",
      refused.transcript)
    #expect(try sandbox.count("movement") == movements, "nothing entered stock")
    #expect(try sandbox.count("lot") == lots, "no lot was made for goods never accepted")
    try sandbox.succeed(["ledger", "verify", "--as", "wang"])
  }
}
