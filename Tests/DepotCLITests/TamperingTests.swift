import Foundation
import Testing

/// SPEC §3 I3 and I9: the database refuses edits of the ledger, and edits made behind its
/// back (triggers dropped, with the sqlite3 shell) are found by `ledger verify`, which names
/// the first entry that does not match.
@Suite struct TamperingTests {
  static let dropTriggers = """
    DROP TRIGGER movement_is_append_only_update;
    DROP TRIGGER movement_is_append_only_delete;
    DROP TRIGGER document_event_is_append_only_update;
    DROP TRIGGER document_event_is_append_only_delete;
    """

  /// One way of tampering, the check it breaks and the words that name the entry.
  struct Tamper: CustomTestStringConvertible, Sendable {
    var name: String
    var sql: String
    var check: String
    var names: String
    var testDescription: String { name }
  }

  static let movementColumns = """
    item_id, lot_id, from_account_id, to_account_id, quantity, value, document_id, actor_id,
    effective_date, recorded_at, reverses_movement_id, hash
    """

  static let eventColumns = """
    document_id, subject, action, from_state, to_state, actor_id, recorded_at, reason, payload,
    signature_version, key_id, signature, hash
    """

  static func swap(_ table: String, _ columns: String, _ first: Int, _ second: Int) -> String {
    """
    CREATE TEMP TABLE first_row AS SELECT * FROM \(table) WHERE id = \(first);
    CREATE TEMP TABLE second_row AS SELECT * FROM \(table) WHERE id = \(second);
    UPDATE \(table) SET (\(columns)) = (SELECT \(columns) FROM second_row) WHERE id = \(first);
    UPDATE \(table) SET (\(columns)) = (SELECT \(columns) FROM first_row) WHERE id = \(second);
    """
  }

  /// Inserts a copy of row `source` of `table` as row `id`, with the columns named in `values`
  /// set to them.
  static func insertCopy(
    _ table: String, _ columns: String, id: Int, of source: Int, setting values: [String: String]
  ) -> String {
    let copied = columns.split(separator: ",").map { column in
      let name = column.trimmingCharacters(in: .whitespacesAndNewlines)
      return values[name] ?? name
    }
    return """
      INSERT INTO \(table) (id, \(columns))
        SELECT \(id), \(copied.joined(separator: ", ")) FROM \(table) WHERE id = \(source);
      """
  }

  /// The four tampers with one chain's `table`, whose entries are called `entry` (`a movement`):
  /// entry `edited.id` edited by `edited.set`, entry `deleted` removed, a copy of entry
  /// `inserted.of` inserted as `inserted.id` with `inserted.setting`, and the entries `swapped`
  /// reordered. Each breaks `check`, which names the entry it finds wrong first.
  static func chainTampers(
    _ table: String, _ columns: String, entry: String, check: String,
    edited: (id: Int, set: String), deleted: Int,
    inserted: (id: Int, of: Int, setting: [String: String]), swapped: (Int, Int)
  ) -> [Tamper] {
    let noun = entry.split(separator: " ").last!
    return [
      Tamper(
        name: "edit \(entry)", sql: "UPDATE \(table) SET \(edited.set) WHERE id = \(edited.id);",
        check: check, names: "\(noun) \(edited.id) does not match its hash"),
      Tamper(
        name: "delete \(entry)", sql: "DELETE FROM \(table) WHERE id = \(deleted);",
        check: check, names: "\(noun) \(deleted) was removed"),
      Tamper(
        name: "insert \(entry)",
        sql: insertCopy(
          table, columns, id: inserted.id, of: inserted.of, setting: inserted.setting),
        check: check, names: "\(noun) \(inserted.id) does not match its hash"),
      Tamper(
        name: "reorder two \(noun)s", sql: swap(table, columns, swapped.0, swapped.1),
        check: check, names: "\(noun) \(swapped.0) does not match its hash"),
    ]
  }

  static let tampers: [Tamper] =
    chainTampers(
      "movement", movementColumns, entry: "a movement", check: "movement chain (I3, I9)",
      edited: (3, "value = 1"), deleted: 3,
      inserted: (
        id: 6, of: 4,
        setting: [
          "quantity": "500", "value": "0", "reverses_movement_id": "NULL", "hash": "randomblob(32)",
        ]
      ), swapped: (1, 4))
    + chainTampers(
      "document_event", eventColumns, entry: "an event", check: "event chain (I4, I9)",
      edited: (21, "payload = replace(payload, 'RC-77', 'RC-78')"), deleted: 5,
      inserted: (
        id: 23, of: 22,
        setting: [
          "reason": "'made up'", "signature_version": "NULL", "key_id": "NULL",
          "signature": "NULL", "hash": "randomblob(32)",
        ]
      ), swapped: (5, 6))

  @Test func anUntouchedLedgerVerifies() throws {
    let sandbox = try DepotSandbox()
    try sandbox.runScenario()
    let result = try sandbox.depot(["ledger", "verify", "--as", "chen"])
    #expect(result.status == 0, result.transcript)
    #expect(!result.stdout.contains("FAILED"))
    #expect(result.stderr.isEmpty)
  }

  @Test(arguments: [
    ("movements", ["UPDATE movement SET quantity = 1;", "DELETE FROM movement WHERE id = 5;"]),
    (
      "document events", ["UPDATE document_event SET reason = 'x';", "DELETE FROM document_event;"]
    ),
  ])
  func theDatabaseRefusesToUpdateOrDelete(_ rows: String, _ statements: [String]) throws {
    let sandbox = try DepotSandbox()
    try sandbox.runScenario()
    let before = try sandbox.dump()
    for sql in statements {
      let result = try sandbox.sqlite(sql)
      #expect(result.status != 0, result.transcript)
      #expect(result.stderr.contains("depot: \(rows) are append-only"), result.transcript)
    }
    #expect(try sandbox.dump() == before)
    try sandbox.succeed(["ledger", "verify", "--as", "chen"])
  }

  @Test(arguments: tampers)
  func tamperingBehindTheProgramsBackIsFoundAndNamed(_ tamper: Tamper) throws {
    let sandbox = try DepotSandbox()
    try sandbox.runScenario()
    let done = try sandbox.sqlite(Self.dropTriggers + tamper.sql)
    try #require(done.status == 0, done.transcript)

    let result = try sandbox.depot(["ledger", "verify", "--as", "chen"])
    #expect(result.status == 1, result.transcript)
    let failed = try #require(
      result.outputLines.first { $0.hasPrefix("FAILED  \(tamper.check): ") }, result.transcript)
    #expect(failed.contains(tamper.names), result.transcript)
    #expect(result.errorLines.count == 1)
    #expect(result.errorLines.first?.hasPrefix("error: the ledger does not verify: ") == true)
    #expect(result.stderr.contains(tamper.names), result.transcript)
  }

  @Test func editingAStoredBalanceFailsTheBalancesCheck() throws {
    let sandbox = try DepotSandbox()
    try sandbox.runScenario()
    try sandbox.sqlite(
      """
      UPDATE balance SET quantity = quantity + 1000
      WHERE account_id = (SELECT id FROM account WHERE code = 'WH-TOWN');
      """)
    let result = try sandbox.depot(["ledger", "verify", "--as", "chen"])
    #expect(result.status == 1, result.transcript)
    let failed = try #require(
      result.outputLines.first { $0.hasPrefix("FAILED  balances agree (I5): ") }, result.transcript)
    #expect(failed.contains("MASK-SURG lot RC-77 at WH-TOWN is 1150"), result.transcript)
    #expect(failed.contains("add up to 150"), result.transcript)
    #expect(result.outputLines.contains("ok      movement chain (I3, I9)"))
    #expect(result.errorLines.first?.hasPrefix("error: the ledger does not verify: ") == true)
  }

  @Test func changingALotsExpiryBreaksTheMovementChain() throws {
    let sandbox = try DepotSandbox()
    try sandbox.runScenario()
    try sandbox.sqlite("UPDATE lot SET expiry = '2029-12-31' WHERE number = 'RC-77';")
    let result = try sandbox.depot(["ledger", "verify", "--as", "chen"])
    #expect(result.status == 1, result.transcript)
    #expect(
      result.stdout.contains("FAILED  movement chain (I3, I9): movement 4 does not match its hash"),
      result.transcript)
  }

  @Test func removingTheNewestMovementIsCaughtByTheNotedHead() throws {
    let sandbox = try DepotSandbox()
    try sandbox.runScenario()
    let head = try sandbox.succeed(["ledger", "head", "--json", "--as", "chen"])
    let json = try #require(
      try JSONSerialization.jsonObject(with: Data(head.stdout.utf8)) as? [String: Any])
    let token = try #require(json["token"] as? String)
    #expect(json["movementId"] as? Int == 5)

    try sandbox.sqlite(Self.dropTriggers + "DELETE FROM movement WHERE id = 5;")
    let plain = try sandbox.depot(["ledger", "verify", "--as", "chen"])
    #expect(plain.status == 1, "the stored balances still count movement 5: \(plain.stdout)")
    let noted = try sandbox.depot(["ledger", "verify", "--head", token, "--as", "chen"])
    #expect(noted.status == 1, noted.transcript)
    #expect(
      noted.stdout.contains(
        "FAILED  noted head: the noted head \(token) is no longer in the chain"),
      noted.transcript)
  }

  @Test func removingTheNewestEventIsCaughtByTheNotedHead() throws {
    let sandbox = try DepotSandbox()
    try sandbox.setUpOffice()
    let head = try sandbox.succeed(["ledger", "head", "--as", "chen"])
    let token = try #require(head.outputLines.last?.split(separator: " ").last.map(String.init))
    try sandbox.sqlite(
      Self.dropTriggers
        + "DELETE FROM document_event WHERE id = (SELECT max(id) FROM document_event);")
    let noted = try sandbox.depot(["ledger", "verify", "--head", token, "--as", "chen"])
    #expect(noted.status == 1, noted.transcript)
    #expect(noted.stdout.contains("FAILED  noted head: "), noted.transcript)
  }

  @Test func aHeadThatIsNotATokenIsRefused() throws {
    let sandbox = try DepotSandbox()
    try sandbox.runScenario()
    try sandbox.expectRefused(
      ["ledger", "verify", "--head", "yesterday", "--as", "chen"], exit: 1,
      naming: ["'--head'", "depot ledger head"])
  }
}
