import Testing

/// A database edited by hand so that a row another row depends on is missing: every command
/// that meets it refuses with one sentence that says the database is damaged, names what is
/// missing and points to `ledger verify`; none crashes.
@Suite struct DamagedDatabaseTests {
  /// One hand edit, the command that meets it and what its sentence names.
  struct Damage: CustomTestStringConvertible, Sendable {
    var name: String
    var sql: String
    var command: [String]
    var names: String
    var testDescription: String { name }

    init(_ name: String, _ sql: String, _ command: [String] = show, names: String) {
      self.name = name
      self.sql = sql
      self.command = command
      self.names = names
    }
  }

  static let request = "REQ-2026-000001"
  static let requestID = "(SELECT id FROM document WHERE number = '\(request)')"

  static let show = ["issue", "show", request, "--as", "li"]

  static let damages: [Damage] = [
    Damage(
      "a request without its request record",
      "DELETE FROM issuance_request WHERE document_id = \(requestID);",
      names: "\(request) has no request record"),
    Damage(
      "a request line whose item is gone",
      "UPDATE issuance_line SET item_id = 999 WHERE document_id = \(requestID);",
      names: "item 999 is missing from the item table"),
    Damage(
      "a request whose warehouse is gone",
      "UPDATE document SET source_account_id = 999 WHERE id = \(requestID);",
      names: "account 999 is missing from the account table"),
    Damage(
      "an approval without its request record",
      "DELETE FROM issuance_request WHERE document_id = \(requestID);",
      ["issue", "approve", request, "--as", "chen"], names: "\(request) has no request record"),
    Damage(
      "a request in a state no depot writes",
      "UPDATE document SET state = 'lost in the post' WHERE id = \(requestID);",
      names: "a stored document state is 'lost in the post', which this depot does not know"),
    Damage(
      "the transit account is gone",
      "UPDATE account SET code = 'in-transit' WHERE code = 'transit';",
      names: "the transit account is missing"),
  ]

  @Test(arguments: damages)
  func aMissingCompanionRowGetsASentenceNotACrash(_ damage: Damage) throws {
    let sandbox = try DepotSandbox()
    try sandbox.runScenario()
    try sandbox.succeed([
      "issue", "request", "--from", "WH-CENTRAL", "--to", "SITE-CP3", "--item", "MASK-SURG=100",
      "--as", "li",
    ])
    let edited = try sandbox.sqlite(damage.sql)
    try #require(edited.status == 0, edited.transcript)
    try sandbox.expectRefused(
      damage.command, exit: 1,
      naming: ["the database is damaged: \(damage.names)", "depot ledger verify"])
  }
}
