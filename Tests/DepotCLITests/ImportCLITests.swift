import Foundation
import Testing

/// `depot import`: all or nothing, every bad row named by the line its record starts on.
@Suite struct ImportCLITests {
  /// An office with an approved order PO-2026-000001 for 20 000 N95 masks and 500 goggles.
  static func office() throws -> DepotSandbox {
    let sandbox = try DepotSandbox()
    try sandbox.setUpProcurement()
    try sandbox.succeed([
      "procure", "request", "--item", "MASK-N95=20000", "--item", "GOGGLES=500", "--reason", "x",
      "--as", "wang",
    ])
    try sandbox.succeed(["procure", "approve", "PR-2026-000001", "--as", "zhang"])
    try sandbox.succeed([
      "procure", "order", "PR-2026-000001", "--supplier", "SUP-JX", "--price", "MASK-N95=3.20",
      "--price", "GOGGLES=150.00/box", "--as", "zhang",
    ])
    return sandbox
  }

  /// Writes a file into the sandbox, with a byte-order mark when asked.
  static func write(_ text: String, to name: String, in sandbox: DepotSandbox, bom: Bool) throws {
    let bytes = (bom ? [0xEF, 0xBB, 0xBF] : []) + Array(text.utf8)
    try Data(bytes).write(to: URL(fileURLWithPath: sandbox.path(name)))
  }

  @Test func threeBadRowsAmongGoodOnesWriteNothingAndAreReportedByLine() throws {
    let sandbox = try Self.office()
    let file =
      [
        "order,warehouse,item,qty,unit,lot,expiry,rejected,reason",
        "PO-2026-000001,WH-CENTRAL,MASK-N95,12000,,N95-A1,2028-03-01,200,\"ear loops broken, 2 boxes\"",
        "PO-2026-000001,WH-CENTRAL,MASK-N95,50,box,N95-A2,2028-03-01,,",
        "PO-2026-000001,WH-CENTRAL,GOGGLES,20,box,,,1,\"scratched",
        "lens\"",
        "PO-2026-000001,WH-CENTRAL,MASK-N95,10,,N95-A3,,,",
        "PO-2026-000001,WH-TOWN,GOGGLES,30,box,,,,",
        "PO-2026-000001,WH-CENTRAL,MASK-N95,7000,,N95-A4,2028-03-01,,",
        "PO-2026-000001,WH-NOWHERE,GOGGLES,1,,,,,",
      ].joined(separator: "\r\n") + "\r\n"
    try Self.write(file, to: "deliveries.csv", in: sandbox, bom: true)
    let before = try sandbox.dump()
    let result = try sandbox.depot(["import", "receipts", "deliveries.csv", "--as", "wang"])
    #expect(result.status == 1, result.transcript)
    #expect(result.stdout.isEmpty)
    #expect(
      result.errorLines == [
        "error: deliveries.csv has 2 bad rows; nothing was imported",
        "line 6: MASK-N95 is tracked by lot: give the lot's --expiry (YYYY-MM-DD)",
        "line 9: unknown location 'WH-NOWHERE'; 'depot location list' shows the locations",
      ], result.transcript)
    #expect(try sandbox.dump() == before)
  }

  @Test func aGoodFileImportsInOneGoWithQuotedCommasAndLineBreaks() throws {
    let sandbox = try Self.office()
    let file = """
      order,warehouse,item,qty,unit,lot,expiry,rejected,reason
      PO-2026-000001,WH-CENTRAL,MASK-N95,12000,,N95-A1,2028-03-01,200,"ear loops broken, 2 boxes"
      PO-2026-000001,WH-TOWN,GOGGLES,30,box,,,,
      PO-2026-000001,WH-CENTRAL,MASK-N95,8000,,N95-A1,2028-03-01,,

      """
    try Self.write(file, to: "deliveries.csv", in: sandbox, bom: false)
    let result = try sandbox.succeed(["import", "receipts", "deliveries.csv", "--as", "wang"])
    #expect(result.outputLines.first == "Imported 3 rows from deliveries.csv")
    #expect(result.stdout.contains("RCV-2026-000001  PO-2026-000001  SUP-JX    WH-CENTRAL      2"))
    #expect(result.stdout.contains("RCV-2026-000002  PO-2026-000001  SUP-JX    WH-TOWN         1"))
    let order = try sandbox.json(["procure", "show", "PO-2026-000001", "--as", "sun"])
    #expect(order["state"] as? String == "partially received")
    let rejections = try #require(order["rejections"] as? [[String: Any]])
    #expect(rejections.first?["reason"] as? String == "ear loops broken, 2 boxes")
    #expect(try sandbox.stock(["--item", "MASK-N95"]).map(\.onHand) == [20000])
    try sandbox.succeed(["ledger", "verify", "--as", "chen"])
  }

  @Test func itemsImportWithAByteOrderMarkAndOnlyByAnAdmin() throws {
    let sandbox = try DepotSandbox()
    try sandbox.setUpOffice()
    let file = """
      code,name,category,unit,packs,tracking
      MASK-KN95,"KN95口罩, 独立包装",protective,piece,box=25 carton=40box,lot
      SANITISER,免洗手消毒液 700ml,disinfectant,bottle,case=24,

      """
    try Self.write(file, to: "items.csv", in: sandbox, bom: true)
    try sandbox.expectRefused(
      ["import", "items", "items.csv", "--as", "wang"], exit: 2,
      naming: ["wang may not import items", "admin"])
    let result = try sandbox.succeed(["import", "items", "items.csv", "--as", "chen"])
    #expect(result.stdout == "Imported 2 items from items.csv: MASK-KN95 SANITISER\n")
    let listed = try sandbox.succeed(["item", "list", "--as", "chen"])
    #expect(listed.stdout.contains("KN95口罩, 独立包装"))
    #expect(listed.stdout.contains("box=25 carton=1000"))
  }
}
