import Foundation
import Testing

/// Hostile text in names, notes, lot numbers, codes and references: each is stored verbatim or
/// refused with one sentence (exit 1 or 64); never a crash, never SQL, and the ledger still
/// verifies afterwards.
@Suite struct HostileInputTests {
  /// A hostile value: text, or bytes that are not UTF-8 (which a Swift string cannot carry,
  /// so they reach `depot` through the shell's printf).
  enum Hostile: CustomTestStringConvertible, Sendable {
    case text(String, label: String)
    case bytes([UInt8], label: String)

    var testDescription: String {
      switch self {
      case .text(_, let label), .bytes(_, let label): label
      }
    }
  }

  static let values: [Hostile] = [
    .text("O'Brien\"; DROP TABLE movement; --", label: "SQL injection with quotes"),
    .text("a;b;;c; DELETE FROM balance;", label: "semicolons"),
    .text("--", label: "a double dash"),
    .text("-- comment", label: "an SQL comment"),
    .text(String(repeating: "A", count: 100_000), label: "100 000 characters"),
    .bytes(Array("bad".utf8) + [0xFF, 0xFE, 0xC3] + Array("name".utf8), label: "invalid UTF-8"),
    .text("=HYPERLINK(\"http://x\")", label: "a spreadsheet formula"),
    .text("口罩\u{202E}gnp.exe", label: "a right-to-left override"),
    .text("two\nlines", label: "a line break"),
    .text("%s%n%x", label: "format specifiers"),
    .text("\u{1B}[2J\u{1B}[31mred", label: "terminal escape codes"),
  ]

  @Test(arguments: values)
  func hostileTextIsStoredVerbatimOrRefusedWithOneSentence(_ value: Hostile) throws {
    let sandbox = try DepotSandbox()
    try sandbox.setUpOffice()
    var receipts = 0

    let item = try attempt(sandbox, value) { v in
      [
        "item", "add", "HOST-ITEM", "--name=\(v)", "--category", "other", "--unit", "piece",
        "--as", "chen",
      ]
    }
    if item.status == 0 {
      try expectStored(sandbox, value, sql: "SELECT hex(name) FROM item WHERE code = 'HOST-ITEM'")
      if case .text(let text, _) = value {
        let listed = try sandbox.succeed(["item", "list", "--json", "--as", "chen"])
        let items = try JSONDecoder().decode([Named].self, from: Data(listed.stdout.utf8))
        #expect(items.first { $0.code == "HOST-ITEM" }?.name == text)
      }
    }

    let location = try attempt(sandbox, value) { v in
      ["location", "add", "HOST-LOC", "--name=\(v)", "--kind", "warehouse", "--as", "chen"]
    }
    if location.status == 0 {
      try expectStored(sandbox, value, sql: "SELECT hex(name) FROM account WHERE code = 'HOST-LOC'")
    }

    let party = try attempt(sandbox, value) { v in
      ["party", "add", "HOST-SUP", "--name=\(v)", "--kind", "supplier", "--as", "chen"]
    }
    if party.status == 0 {
      try expectStored(sandbox, value, sql: "SELECT hex(name) FROM account WHERE code = 'HOST-SUP'")
    }

    let lot = try attemptReceipt(
      sandbox, value, "MASK-SURG", quantity: "7",
      storedAs: "SELECT hex(number) FROM lot WHERE item_id = 1", receipts: &receipts
    ) { v in ["--lot=\(v)", "--expiry", "2028-01-31", "--value", "7.00"] }
    if lot.status == 0, case .text(let text, _) = value {
      let rows = try sandbox.stock(["--item", "MASK-SURG", "--lots"])
      #expect(rows.map(\.lot) == [text])
      #expect(rows.map(\.onHand) == [7])
    }

    try attemptReceipt(
      sandbox, value, "THERMO-IR", quantity: "1",
      storedAs: "SELECT hex(note) FROM document WHERE number = 'RCV-2026-000001'"
        + " OR number = 'RCV-2026-000002' ORDER BY number DESC LIMIT 1", receipts: &receipts
    ) { v in ["--serial", "IR-9", "--value", "1.00", "--note=\(v)"] }

    try attemptReceipt(
      sandbox, value, "THERMO-IR", quantity: "1", storedAs: "SELECT hex(ref) FROM request_log",
      receipts: &receipts
    ) { v in ["--serial", "IR-10", "--value", "1.00", "--ref=\(v)"] }

    let code = try attempt(sandbox, value) { v in
      [
        "item", "add", v, "--name", "口罩", "--category", "other", "--unit", "piece", "--as",
        "chen",
      ]
    }
    #expect(code.status != 0, "a code is letters, digits, '-', '_' or '.': \(code.transcript)")

    // A stored name names its item (SPEC §10); any other text names none.
    let lookup = try attempt(sandbox, value) { v in ["card", v, "--as", "wang"] }
    if lookup.status == 0 {
      #expect(item.status == 0 && lookup.stdout.contains("HOST-ITEM"), lookup.transcript)
    }

    let verify = try sandbox.depot(["ledger", "verify", "--as", "chen"])
    #expect(verify.status == 0, verify.transcript)
    #expect(try sandbox.count("movement") == receipts)
    #expect(try sandbox.count("item") == (item.status == 0 ? 4 : 3))
  }

  @Test func anErrorSentenceNeverEchoesControlCharactersFromTheInput() throws {
    let sandbox = try DepotSandbox()
    try sandbox.runScenario()
    for code in ["MASK\nSURG", "MASK\u{1B}[2J\u{1B}[31m"] {
      try sandbox.expectRefused(["card", code, "--as", "wang"], exit: 1, naming: ["unknown item"])
      let transfer = Scenario.transferBoxes.map { $0 == "WH-TOWN" ? code : $0 }
      try sandbox.expectRefused(transfer, exit: 1, naming: ["unknown location"])
    }
  }

  /// Runs one command with the hostile value in it; it must succeed or be refused properly.
  private func attempt(
    _ sandbox: DepotSandbox, _ value: Hostile, _ arguments: (String) -> [String],
    sourceLocation: SourceLocation = #_sourceLocation
  ) throws -> RunResult {
    let result: RunResult
    switch value {
    case .text(let text, _):
      result = try sandbox.depot(arguments(text))
    case .bytes(let bytes, _):
      let placeholder = "@@HOSTILE@@"
      let octal = bytes.map { "\\" + String($0, radix: 8) }.joined()
      let script =
        "exec \"$DEPOT_BIN\" "
        + (arguments(placeholder) + ["--db", sandbox.database]).map { argument in
          let parts = argument.components(separatedBy: placeholder)
          return parts.map(shellQuoted).joined(separator: "\"$(printf '\(octal)')\"")
        }.joined(separator: " ")
      result = try sandbox.shell(script).finish()
    }
    #expect(
      [0, 1, 64].contains(result.status), "exit 0, 1 or 64: \(result.transcript)",
      sourceLocation: sourceLocation)
    if result.status != 0 {
      expectRefusal(result, exit: result.status, naming: [], sourceLocation: sourceLocation)
    }
    return result
  }

  /// Runs chen's emergency receipt of `quantity` of `item` from SUP-JX into WH-CENTRAL with
  /// the hostile value in `options`, like `attempt`; a receipt that goes through is counted
  /// and must have stored the value verbatim, as `sql` reads it.
  @discardableResult
  private func attemptReceipt(
    _ sandbox: DepotSandbox, _ value: Hostile, _ item: String, quantity: String,
    storedAs sql: String, receipts: inout Int, sourceLocation: SourceLocation = #_sourceLocation,
    _ options: (String) -> [String]
  ) throws -> RunResult {
    let result = try attempt(
      sandbox, value,
      { v in
        ["receive", "--from", "SUP-JX", "--to", "WH-CENTRAL", "--item", item, "--qty", quantity]
          + options(v) + ["--as", "chen"] + Scenario.emergency
      }, sourceLocation: sourceLocation)
    if result.status == 0 {
      receipts += 1
      try expectStored(sandbox, value, sql: sql, sourceLocation: sourceLocation)
    }
    return result
  }

  /// Checks that the value is stored byte for byte, read back with the sqlite3 shell.
  private func expectStored(
    _ sandbox: DepotSandbox, _ value: Hostile, sql: String,
    sourceLocation: SourceLocation = #_sourceLocation
  ) throws {
    let bytes: [UInt8]
    switch value {
    case .text(let text, _): bytes = Array(text.utf8)
    case .bytes(let raw, _): bytes = raw
    }
    let expected = bytes.map { String(format: "%02X", $0) }.joined()
    let stored = try sandbox.sqlite(sql)
    #expect(
      stored.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == expected,
      "stored verbatim", sourceLocation: sourceLocation)
  }
}

/// An item or place as listed with --json: its code and name.
private struct Named: Decodable {
  var code: String
  var name: String
}
