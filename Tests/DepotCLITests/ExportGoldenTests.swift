import Foundation
import Testing

/// SPEC §6 to the letter: each export compared byte for byte with a golden file, read back
/// by Python's `csv` module, with and without the byte-order mark, twice identical.
@Suite struct ExportGoldenTests {
  static let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Golden")

  static let kinds = ["ledger", "stock", "payables", "donations"]

  /// An office whose exports hold Chinese text, commas, quotes, a line break, a formula
  /// for a supplier's name and a negative amount.
  static func office() throws -> DepotSandbox {
    let sandbox = try DepotSandbox()
    try sandbox.setUpProcurement()
    for arguments in [
      ["party", "add", "SUP-FX", "--name", "=HYPERLINK(\"http://x\")", "--kind", "supplier"],
      [
        "item", "add", "WIPES", "--name", "消毒湿巾, \"大包\"", "--category", "disinfectant",
        "--unit", "box",
      ],
      ["procure", "request", "--item", "WIPES=10", "--reason", "wipes"],
      ["procure", "request", "--item", "MASK-N95=200", "--reason", "masks"],
    ] {
      try sandbox.succeed(arguments + ["--as", arguments[0] == "procure" ? "wang" : "chen"])
    }
    for arguments in [
      ["procure", "approve", "PR-2026-000001"], ["procure", "approve", "PR-2026-000002"],
      [
        "procure", "order", "PR-2026-000001", "--supplier", "SUP-FX", "--price", "WIPES=3.33",
        "--emergency", "--justification", "none left",
      ],
      ["procure", "order", "PR-2026-000002", "--supplier", "SUP-JX", "--price", "MASK-N95=3.20"],
    ] {
      try sandbox.succeed(arguments + ["--as", "zhang"])
    }
    try sandbox.succeed([
      "pay", "--order", "PO-2026-000001", "--amount", "12.50", "--reference", "advance",
      "--prepayment", "--as", "sun",
    ])
    try sandbox.succeed([
      "receive", "--order", "PO-2026-000002", "--to", "WH-CENTRAL", "--item", "MASK-N95", "--qty",
      "100", "--lot", "N95,A", "--expiry", "2028-03-01", "--rejected", "5", "--reason",
      "断耳带, \"松\"", "--as", "wang",
    ])
    try sandbox.succeed([
      "donation", "receive", "--from", "DON-RC", "--to", "WH-CENTRAL", "--item", "GOGGLES",
      "--qty", "10", "--value", "0", "--rejected", "2", "--reason", "镜片划伤", "--as", "wang",
    ])
    try sandbox.succeed([
      "donation", "receive", "--from", "DON-RC", "--to", "WH-CENTRAL", "--item", "WIPES",
      "--qty", "5", "--value", "7.00", "--as", "wang",
    ])
    // Names typed into depot cannot hold line breaks; one set behind its back must still
    // come out as one quoted cell.
    try sandbox.sqlite(
      "UPDATE account SET name = '区红十字会' || char(10) || '仙寓镇分会' WHERE code = 'DON-RC';")
    return sandbox
  }

  static func export(
    _ sandbox: DepotSandbox, _ kind: String, to file: String, _ options: [String] = []
  ) throws -> [UInt8] {
    try sandbox.succeed(["export", kind, "--out", sandbox.path(file), "--as", "sun"] + options)
    return try [UInt8](Data(contentsOf: URL(fileURLWithPath: sandbox.path(file))))
  }

  /// The rows Python's `csv` module reads from a file.
  static func pythonRows(_ path: String, byteOrderMark: Bool) throws -> [[String]] {
    let script = """
      import csv, json, sys
      with open(sys.argv[1], encoding=sys.argv[2], newline='') as f:
          print(json.dumps(list(csv.reader(f))))
      """
    let process = Process()
    let output = Pipe()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [
      "python3", "-c", script, path, byteOrderMark ? "utf-8-sig" : "utf-8",
    ]
    process.standardOutput = output
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    try #require(process.terminationStatus == 0, "python3 could not read \(path)")
    return try JSONDecoder().decode([[String]].self, from: data)
  }

  @Test(arguments: kinds)
  func eachExportMatchesItsGoldenFileByteForByte(_ kind: String) throws {
    let sandbox = try Self.office()
    let bytes = try Self.export(sandbox, kind, to: "\(kind).csv")
    let expected = try [UInt8](
      Data(contentsOf: Self.golden.appendingPathComponent("\(kind).csv")))
    #expect(
      Data(bytes) == Data(expected),
      "\(kind).csv differs from Golden/\(kind).csv:\n\(String(decoding: bytes, as: UTF8.self))")
    #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF], "a byte-order mark comes first")
    #expect(try Self.export(sandbox, kind, to: "\(kind)-again.csv") == bytes, "byte-identical")
  }

  @Test func pythonReadsTheCellsAsWritten() throws {
    let sandbox = try Self.office()
    _ = try Self.export(sandbox, "payables", to: "payables.csv")
    _ = try Self.export(sandbox, "ledger", to: "ledger.csv")
    _ = try Self.export(sandbox, "donations", to: "donations.csv")
    let payables = try Self.pythonRows(sandbox.path("payables.csv"), byteOrderMark: true)
    let header = try #require(payables.first)
    let formula = try #require(payables.first { $0.first == "SUP-FX" })
    func cell(_ row: [String], _ column: String) -> String? {
      header.firstIndex(of: column).map { row[$0] }
    }
    #expect(cell(formula, "supplier_name") == "'=HYPERLINK(\"http://x\")")
    #expect(cell(formula, "owed") == "-12.50")
    #expect(cell(formula, "advance") == "12.50")
    let ledger = try Self.pythonRows(sandbox.path("ledger.csv"), byteOrderMark: true)
    #expect(ledger.first?.first == "movement")
    #expect(ledger.dropFirst().map(\.count).allSatisfy { $0 == 16 })
    #expect(ledger.contains { $0.contains("N95,A") })
    let donations = try Self.pythonRows(sandbox.path("donations.csv"), byteOrderMark: true)
    #expect(donations.count == 4)
    #expect(donations[1][3] == "区红十字会\n仙寓镇分会")
    #expect(donations.map { $0[8] } == ["status", "accepted", "rejected", "accepted"])
    #expect(donations[3][5] == "消毒湿巾, \"大包\"")
    #expect(donations[2][12] == "镜片划伤")
    let manifest = try JSONSerialization.jsonObject(
      with: Data(contentsOf: URL(fileURLWithPath: sandbox.path("ledger.csv.manifest.json"))))
    let fields = try #require(manifest as? [String: Any])
    #expect(fields["rows"] as? Int == ledger.count - 1)
    #expect((fields["ledgerHead"] as? String)?.hasPrefix("3:") == true)
    #expect((fields["sha256"] as? String)?.count == 64)
  }

  @Test func noBomLeavesOutTheByteOrderMarkAndNothingElse() throws {
    let sandbox = try Self.office()
    let with = try Self.export(sandbox, "ledger", to: "with.csv")
    let without = try Self.export(sandbox, "ledger", to: "without.csv", ["--no-bom"])
    #expect(Array(with.dropFirst(3)) == without)
    let rows = try Self.pythonRows(sandbox.path("without.csv"), byteOrderMark: false)
    #expect(rows.first?.first == "movement")
  }

  @Test func onlyFinanceAuditorsAndAdminsExport() throws {
    let sandbox = try DepotSandbox()
    try sandbox.setUpProcurement()
    try sandbox.expectRefused(
      ["export", "ledger", "--out", sandbox.path("x.csv"), "--as", "wang"], exit: 2,
      naming: ["wang may not export", "finance"])
    #expect(!FileManager.default.fileExists(atPath: sandbox.path("x.csv")))
    try sandbox.expectRefused(
      ["export", "stock", "--out", sandbox.path("x.csv"), "--from", "2026-11-01", "--as", "chen"],
      exit: 1, naming: ["'--from' does not apply to the stock export"])
    try sandbox.expectRefused(
      ["export", "ledger", "--out", sandbox.database, "--as", "chen"], exit: 1,
      naming: ["\(sandbox.database) is this office's database; choose another file name"])
  }
}
