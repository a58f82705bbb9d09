import Foundation
import Testing

/// Bad input is refused with the right exit code and one sentence naming the thing, and the
/// database stays exactly as it was.
@Suite struct BadInputTests {
  /// The scenario's transfer with its item, a location or its actor replaced by one the
  /// office does not know: refused with the exit code and sentence of each.
  @Test(arguments: [
    ("MASK-SURG", "MASK-N95", 1 as Int32, ["unknown item 'MASK-N95'", "depot item list"]),
    ("WH-TOWN", "WH-NORTH", 1, ["unknown location 'WH-NORTH'", "depot location list"]),
    ("wang", "wu", 2, ["'wu' is not a registered user"]),
  ])
  func anUnknownCodeOrUserIsRefused(
    replacing known: String, by unknown: String, exit status: Int32, naming: [String]
  ) throws {
    let sandbox = try DepotSandbox()
    try sandbox.runScenario()
    let transfer = Scenario.transferBoxes.map { $0 == known ? unknown : $0 }
    try sandbox.expectRefused(transfer, exit: status, naming: naming)
  }

  @Test func aStateFilterIsOneOfTheStatesOfWhatIsListed() throws {
    let sandbox = try DepotSandbox()
    try sandbox.runScenario()
    for (list, states) in [
      ("issue", "requested, approved, rejected, cancelled, shipped, confirmed, closed"),
      (
        "procure",
        "open, requested, approved, rejected, cancelled, ordered, partially received, received, "
          + "closed"
      ),
      ("adjust", "requested, approved, rejected"),
      ("waste", "awaiting-collection, collected, stored, handed-over, disposed"),
    ] {
      let result = try sandbox.expectRefused(
        [list, "list", "--state", "pending", "--as", "wang"], exit: 64, naming: [])
      #expect(
        result.errorLines.first
          == "error: '--state' must be one of: \(states); see --help for usage")
    }
    let open = try sandbox.succeed(["procure", "list", "--state", "open", "--as", "wang"])
    #expect(open.stdout == "No requests or orders.\n")
    let partial = try sandbox.succeed(
      ["procure", "list", "--state", "partially received", "--as", "wang"])
    #expect(partial.stdout == "No requests or orders.\n")
  }

  @Test func movingMoreThanIsThereIsRefusedWithTheNumbers() throws {
    let sandbox = try DepotSandbox()
    try sandbox.runScenario()
    let transfer = [
      "transfer", "--from", "WH-CENTRAL", "--to", "WH-TOWN", "--item", "MASK-SURG", "--qty", "50",
      "--unit", "carton", "--as", "wang",
    ]
    try sandbox.expectRefused(
      transfer, exit: 1,
      naming: ["not enough MASK-SURG at WH-CENTRAL: 49850 available, 50000 requested"])
  }

  @Test func transferringAnExpiredLotIsRefused() throws {
    let sandbox = try DepotSandbox()
    try sandbox.setUpOffice()
    try sandbox.succeed(
      [
        "receive", "--from", "SUP-JX", "--to", "WH-CENTRAL", "--item", "MASK-SURG", "--qty",
        "100", "--lot", "SHORT-1", "--expiry", "2026-12-01", "--value", "50.00", "--as", "chen",
      ] + Scenario.emergency)
    let later = "2026-12-05T02:00:00.000Z"
    let named = [
      "transfer", "--from", "WH-CENTRAL", "--to", "WH-TOWN", "--item", "MASK-SURG", "--qty", "10",
      "--lot", "SHORT-1", "--as", "wang",
    ]
    try sandbox.expectRefused(
      named, exit: 1, naming: ["MASK-SURG lot SHORT-1 expired on 2026-12-01"], now: later)
    let anyLot = [
      "transfer", "--from", "WH-CENTRAL", "--to", "WH-TOWN", "--item", "MASK-SURG", "--qty", "10",
      "--as", "wang",
    ]
    try sandbox.expectRefused(
      anyLot, exit: 1,
      naming: ["not enough MASK-SURG at WH-CENTRAL: 0 available, 10 requested"], now: later)
    let beforeExpiry = try sandbox.succeed(anyLot)
    #expect(beforeExpiry.stdout.contains("SHORT-1  2026-12-01  WH-CENTRAL  WH-TOWN"))
  }

  @Test func aDuplicateItemCodeIsRefused() throws {
    let sandbox = try DepotSandbox()
    try sandbox.setUpOffice()
    try sandbox.expectRefused(
      [
        "item", "add", "MASK-SURG", "--name", "另一种口罩", "--category", "protective", "--unit",
        "piece", "--as", "chen",
      ], exit: 1, naming: ["item MASK-SURG already exists"])
  }

  @Test func aMissingActorIsNotPermitted() throws {
    let sandbox = try DepotSandbox()
    try sandbox.runScenario()
    let withoutActor = Array(Scenario.transferBoxes.dropLast(2))
    try sandbox.expectRefused(withoutActor, exit: 2, naming: ["no user given", "--as"])
  }

  @Test func aUserWithoutTheRoleIsNotPermitted() throws {
    let sandbox = try DepotSandbox()
    try sandbox.runScenario()
    let requester = Scenario.transferBoxes.map { $0 == "wang" ? "li" : $0 }
    try sandbox.expectRefused(
      requester, exit: 2, naming: ["li may not transfer stock", "clerk role"])
    try sandbox.expectRefused(
      [
        "item", "add", "GLOVE", "--name", "手套", "--category", "protective", "--unit", "piece",
        "--as", "wang",
      ], exit: 2, naming: ["wang may not add items", "admin role"])
  }

  @Test func initOnAnUnwritablePathIsRefused() throws {
    let sandbox = try DepotSandbox()
    let result = try sandbox.depot(
      ["init", "--admin", "chen"], db: "/nonexistent/dir/x.sqlite")
    expectRefusal(result, exit: 1, naming: ["/nonexistent/dir/x.sqlite"])
    #expect(!FileManager.default.fileExists(atPath: "/nonexistent/dir/x.sqlite"))
    #expect(
      !FileManager.default.fileExists(atPath: sandbox.keyPath("chen")),
      "no key is left behind for an office that was not created")
  }

  @Test func initOnAnExistingDatabaseIsRefused() throws {
    let sandbox = try DepotSandbox()
    try sandbox.runScenario()
    try FileManager.default.moveItem(
      atPath: sandbox.keyPath("chen"), toPath: sandbox.path("chen.key"))
    try sandbox.expectRefused(
      ["init", "--admin", "chen"], exit: 1, naming: [sandbox.database, "already"])
    #expect(!FileManager.default.fileExists(atPath: sandbox.keyPath("chen")))
  }

  @Test func aMissingDatabaseFileIsRefusedWithoutCreatingIt() throws {
    let sandbox = try DepotSandbox()
    let missing = sandbox.path("elsewhere.sqlite")
    let result = try sandbox.depot(["stock", "--as", "chen"], db: missing)
    expectRefusal(result, exit: 1, naming: ["no Depot database at \(missing)", "depot init"])
    #expect(!FileManager.default.fileExists(atPath: missing))
  }

  @Test func aTextFileIsNotADepotDatabase() throws {
    let sandbox = try DepotSandbox()
    let file = sandbox.path("notes.txt")
    let text = "口罩 40 箱\nthis is not a database\n"
    try text.write(toFile: file, atomically: true, encoding: .utf8)
    for arguments in [["stock", "--as", "chen"], Scenario.transferBoxes] {
      let result = try sandbox.depot(arguments, db: file)
      expectRefusal(result, exit: 1, naming: ["\(file) is not a Depot database"])
    }
    #expect(try String(contentsOfFile: file, encoding: .utf8) == text)
  }

  @Test func aPlainSQLiteDatabaseIsNotADepotDatabase() throws {
    let sandbox = try DepotSandbox()
    let file = sandbox.path("plain.sqlite")
    try sandbox.sqlite("CREATE TABLE movement (id INTEGER PRIMARY KEY, note TEXT);", db: file)
    for arguments in [["stock", "--as", "chen"], ["ledger", "verify", "--as", "chen"]] {
      try sandbox.expectRefused(
        arguments, exit: 1, naming: ["\(file) is not a Depot database"], db: file)
    }
  }

  @Test func aDatabaseFromANewerSchemaIsRefusedNamingTheVersion() throws {
    let sandbox = try DepotSandbox()
    try sandbox.runScenario()
    let supported = try sandbox.sqlite("PRAGMA user_version;").stdout
      .trimmingCharacters(in: .whitespacesAndNewlines)
    try sandbox.sqlite("PRAGMA user_version = 99;")
    try sandbox.expectRefused(
      ["stock", "--as", "wang"], exit: 1,
      naming: [
        "error: \(sandbox.database) was written by a newer Depot (schema version 99, but this "
          + "depot reads versions up to \(supported)); install a newer depot to open it"
      ])
    try sandbox.expectRefused(
      Scenario.transferBoxes, exit: 1, naming: ["schema version 99"])
  }

  @Test func aFutureDateIsRefused() throws {
    let sandbox = try DepotSandbox()
    try sandbox.runScenario()
    try sandbox.expectRefused(
      Scenario.transferBoxes + ["--date", "2026-12-01"], exit: 1,
      naming: ["2026-12-01 is in the future", "today is 2026-11-29"])
  }

  @Test func aDateThatDoesNotExistIsAUsageError() throws {
    let sandbox = try DepotSandbox()
    try sandbox.runScenario()
    try sandbox.expectRefused(
      Scenario.transferBoxes + ["--date", "2026-02-30"], exit: 64, naming: ["'--date'"])
  }

  @Test func aDateBeforeTheLedgerCanRecordIsRefusedNamingTheRange() throws {
    let sandbox = try DepotSandbox()
    try sandbox.runScenario()
    try sandbox.expectRefused(
      Scenario.transferBoxes + ["--date", "1999-12-31"], exit: 1,
      naming: [
        "error: the date 1999-12-31 is before 2000-01-01, the earliest date a Depot ledger "
          + "records; give a --date from 2000-01-01 on, or leave it out to use today"
      ])
    try sandbox.succeed(["ledger", "verify", "--as", "chen"])
  }

  @Test func aKeyFileOpenToItsGroupIsRefusedNamingTheModeAndTheFix() throws {
    let sandbox = try DepotSandbox()
    try sandbox.runScenario()
    let key = sandbox.keyPath("chen")
    try FileManager.default.setAttributes([.posixPermissions: 0o610], ofItemAtPath: key)
    try sandbox.expectRefused(
      Scenario.receiveMasks, exit: 2,
      naming: [
        "error: the key file \(key) has mode 0610, but a key file must be open to its owner "
          + "only; run 'chmod 600 \(key)'"
      ])
    let mode = try FileManager.default.attributesOfItem(atPath: key)[.posixPermissions]
    #expect(mode as? Int == 0o610, "depot does not quietly change the file's mode")
  }

  @Test(arguments: [("--ref", "r\u{202E}1", "U+202E"), ("--lot", "L\u{200B}2301", "U+200B")])
  func aReferenceOrLotWithAnInvisibleCharacterIsRefusedNamingIt(
    flag: String, value: String, character: String
  ) throws {
    let sandbox = try DepotSandbox()
    try sandbox.runScenario()
    let receipt = Scenario.receiveMasks.map { $0 == "L2301" ? "L2302" : $0 }
    let arguments =
      flag == "--lot" ? receipt.map { $0 == "L2302" ? value : $0 } : receipt + [flag, value]
    try sandbox.expectRefused(
      arguments, exit: 1,
      naming: [
        "error: '\(flag)' contains the invisible character \(character), which can hide or "
          + "reorder text; type the value again without it"
      ])
  }

  @Test func aNameWithAnOverrideIsStoredAndShownEscaped() throws {
    let sandbox = try DepotSandbox()
    try sandbox.runScenario()
    let added = try sandbox.succeed([
      "item", "add", "EVIL", "--name", "口罩\u{202E}gnp.exe", "--category", "other", "--unit",
      "piece", "--as", "chen",
    ])
    #expect(added.stdout == "Added EVIL 口罩\\u{202E}gnp.exe: other, counted in piece\n")
    let listed = try sandbox.succeed(["item", "list", "--as", "chen"])
    #expect(listed.outputLines.contains { $0.hasPrefix("EVIL       口罩\\u{202E}gnp.exe  other") })
    #expect(!listed.stdout.unicodeScalars.contains("\u{202E}"))
    let json = try sandbox.succeed(["item", "list", "--json", "--as", "chen"])
    #expect(json.stdout.contains("口罩\u{202E}gnp.exe"), "JSON carries the name as stored")
  }

  @Test(
    arguments: [
      ("0", nil), ("-5", nil), ("abc", nil), ("1.01", "box"), ("99999999999999", nil),
      ("1.5", nil), ("3", "barrel"),
    ] as [(String, String?)])
  func aQuantityThatIsNotAWholePositiveNumberOfBaseUnitsIsRefused(qty: String, unit: String?)
    throws
  {
    let sandbox = try DepotSandbox()
    try sandbox.runScenario()
    var transfer = [
      "transfer", "--from", "WH-CENTRAL", "--to", "WH-TOWN", "--item", "MASK-SURG", "--qty", qty,
      "--as", "wang",
    ]
    if let unit { transfer += ["--unit", unit] }
    let result = try sandbox.expectRefusedWithEitherCode(transfer, naming: ["--qty"])
    #expect([1, 64].contains(result.status), result.transcript)
  }

  @Test func aValueWithMoreThanTwoDecimalsIsRefused() throws {
    let sandbox = try DepotSandbox()
    try sandbox.runScenario()
    let receipt = Scenario.receiveMasks.map { $0 == "14000.00" ? "1.234" : $0 }
    let result = try sandbox.expectRefusedWithEitherCode(
      receipt, naming: ["'--value'", "1.234"])
    #expect([1, 64].contains(result.status), result.transcript)
  }

  @Test func anExpiryThatIsNotADateIsRefused() throws {
    let sandbox = try DepotSandbox()
    try sandbox.runScenario()
    for expiry in ["tomorrow", "2028-13-01", "31/01/2028"] {
      let receipt = Scenario.receiveMasks.map { $0 == "2028-01-31" ? expiry : $0 }
      let result = try sandbox.expectRefusedWithEitherCode(
        receipt, naming: ["'--expiry'", expiry])
      #expect([1, 64].contains(result.status), result.transcript)
    }
  }

  @Test func receivingALotThatHasAlreadyExpiredIsRefused() throws {
    let sandbox = try DepotSandbox()
    try sandbox.runScenario()
    let receipt = Scenario.receiveMasks.map { $0 == "2028-01-31" ? "2026-11-28" : $0 }
    try sandbox.expectRefused(receipt, exit: 1, naming: ["L2301", "expired on 2026-11-28"])
  }
}

extension DepotSandbox {
  /// Like `expectRefused`, for input that the argument parser (64) or the engine (1) may
  /// refuse; the caller checks which.
  func expectRefusedWithEitherCode(
    _ arguments: [String], naming fragments: [String],
    sourceLocation: SourceLocation = #_sourceLocation
  ) throws -> RunResult {
    let before = try dump()
    let result = try depot(arguments)
    expectRefusal(
      result, exit: result.status == 64 ? 64 : 1, naming: fragments,
      sourceLocation: sourceLocation)
    #expect(try dump() == before, "the refused command changed the database")
    return result
  }
}
