import Foundation
import Testing

/// The scenario of the brief, step by step, run through the `depot` binary.
enum Scenario {
  /// The office, its users, catalogue, locations and parties, each with what it prints.
  static let setUp: [(arguments: [String], prints: String)] = [
    (
      ["init", "--office", "Xianyu Town", "--timezone", "Asia/Shanghai", "--admin", "chen"],
      "Created office Xianyu Town (Asia/Shanghai)"
    ),
    (["user", "add", "wang", "--role", "clerk", "--as", "chen"], "Added wang: clerk"),
    (
      [
        "item", "add", "MASK-SURG", "--name", "一次性医用口罩", "--category", "protective", "--unit",
        "piece", "--pack", "box=50", "--pack", "carton=20box", "--lots", "--as", "chen",
      ],
      "Added MASK-SURG 一次性医用口罩: protective, counted in piece; 1 box = 50 piece, "
        + "1 carton = 1000 piece; tracked by lot"
    ),
    (
      [
        "item", "add", "DISINF-84", "--name", "84消毒液(浓缩)", "--category", "disinfectant",
        "--unit", "kg", "--pack", "t=1000", "--lots", "--as", "chen",
      ],
      "Added DISINF-84 84消毒液(浓缩): disinfectant, counted in kg; 1 t = 1000 kg; tracked by lot"
    ),
    (
      [
        "item", "add", "THERMO-IR", "--name", "额温枪", "--category", "equipment", "--unit", "piece",
        "--serials", "--as", "chen",
      ],
      "Added THERMO-IR 额温枪: equipment, counted in piece; tracked by serial number"
    ),
    (
      [
        "location", "add", "WH-CENTRAL", "--name", "区应急物资仓库", "--kind", "warehouse", "--reserve",
        "--as", "chen",
      ],
      "Added warehouse WH-CENTRAL 区应急物资仓库 (reserve)"
    ),
    (
      ["location", "add", "WH-TOWN", "--name", "仙寓镇仓库", "--kind", "warehouse", "--as", "chen"],
      "Added warehouse WH-TOWN 仙寓镇仓库"
    ),
    (
      ["location", "add", "SITE-CP3", "--name", "高速卡口3号", "--kind", "site", "--as", "chen"],
      "Added site SITE-CP3 高速卡口3号"
    ),
    (
      ["user", "add", "li", "--role", "requester", "--site", "SITE-CP3", "--as", "chen"],
      "Added li: requester at SITE-CP3"
    ),
    (
      ["party", "add", "SUP-JX", "--name", "__超市", "--kind", "supplier", "--as", "chen"],
      "Added supplier SUP-JX __超市"
    ),
    (
      ["party", "add", "DON-RC", "--name", "区红十字会", "--kind", "donor", "--as", "chen"],
      "Added donor DON-RC 区红十字会"
    ),
    (
      ["user", "grant", "chen", "--role", "approver", "--as", "chen"],
      "Updated chen: admin, approver"
    ),
  ]

  /// Goods from a supplier without an order: an emergency receipt, which an approver records
  /// and signs (chen holds the approver role and an enrolled key).
  static let emergency = ["--emergency", "--justification", "stock before the orders"]

  static let receiveMasks =
    [
      "receive", "--from", "SUP-JX", "--to", "WH-CENTRAL", "--item", "MASK-SURG", "--qty", "40",
      "--unit", "carton", "--lot", "L2301", "--expiry", "2028-01-31", "--value", "14000.00",
      "--as", "chen",
    ] + emergency

  static let receiveThermometers =
    [
      "receive", "--from", "SUP-JX", "--to", "WH-CENTRAL", "--item", "THERMO-IR", "--qty", "2",
      "--serial", "IR-0001", "--serial", "IR-0002", "--value", "300.00", "--as", "chen",
    ] + emergency

  static let receiveDonation = [
    "donation", "receive", "--from", "DON-RC", "--to", "WH-CENTRAL", "--item", "MASK-SURG", "--qty",
    "10000", "--lot", "RC-77", "--expiry", "2027-06-30", "--value", "0", "--as", "wang",
  ]

  static let transferBoxes = [
    "transfer", "--from", "WH-CENTRAL", "--to", "WH-TOWN", "--item", "MASK-SURG", "--qty", "3",
    "--unit", "box", "--as", "wang",
  ]

  /// The postings of the scenario, each with the document number it prints.
  static let postings: [(arguments: [String], number: String)] = [
    (receiveMasks, "RCV-2026-000001"), (receiveThermometers, "RCV-2026-000002"),
    (receiveDonation, "DON-2026-000001"), (transferBoxes, "TRF-2026-000001"),
  ]
}

extension DepotSandbox {
  /// Creates the scenario's office: users, items, locations and parties, no stock.
  func setUpOffice(sourceLocation: SourceLocation = #_sourceLocation) throws {
    for step in Scenario.setUp {
      try succeed(step.arguments, sourceLocation: sourceLocation)
      if step.arguments.starts(with: ["user", "add"]) {
        try enrolKey(of: step.arguments[2], sourceLocation: sourceLocation)
      }
    }
  }

  /// Generates a key for `user` with `key generate --as USER --json` and returns its
  /// fingerprint.
  func generateKey(of user: String, sourceLocation: SourceLocation = #_sourceLocation) throws
    -> String
  {
    let generated = try succeed(
      ["key", "generate", "--as", user, "--json"], sourceLocation: sourceLocation)
    return try #require(
      (try JSONSerialization.jsonObject(with: Data(generated.stdout.utf8)) as? [String: Any])?[
        "fingerprint"] as? String, sourceLocation: sourceLocation)
  }

  /// Generates `user`'s key and has chen enrol it by its fingerprint: every write is signed.
  func enrolKey(
    of user: String, by admin: String = "chen", sourceLocation: SourceLocation = #_sourceLocation
  ) throws {
    let fingerprint = try generateKey(of: user, sourceLocation: sourceLocation)
    try succeed(
      ["key", "enrol", user, "--fingerprint", fingerprint, "--as", admin],
      sourceLocation: sourceLocation)
  }

  /// Adds a user with roles and an enrolled key.
  func addUser(
    _ user: String, _ options: [String], sourceLocation: SourceLocation = #_sourceLocation
  ) throws {
    try succeed(
      ["user", "add", user] + options + ["--as", "chen"], sourceLocation: sourceLocation)
    try enrolKey(of: user, sourceLocation: sourceLocation)
  }

  /// Creates the office and posts the scenario's receipts, donation and transfer.
  func runScenario(sourceLocation: SourceLocation = #_sourceLocation) throws {
    try setUpOffice(sourceLocation: sourceLocation)
    for posting in Scenario.postings {
      try succeed(posting.arguments, sourceLocation: sourceLocation)
    }
  }

  /// `depot stock ... --json` decoded.
  func stock(_ arguments: [String] = [], as user: String = "wang") throws -> [StockRow] {
    let result = try succeed(["stock"] + arguments + ["--json", "--as", user])
    return try JSONDecoder().decode([StockRow].self, from: Data(result.stdout.utf8))
  }

  /// How many rows a table holds, read with the sqlite3 shell.
  func count(_ table: String, db: String? = nil) throws -> Int {
    let result = try sqlite("SELECT count(*) FROM \(table);", db: db)
    try #require(result.status == 0, "sqlite3 could not count \(table): \(result.stderr)")
    return try #require(Int(result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)))
  }
}

/// One row of `depot stock --json` (SPEC §5).
struct StockRow: Decodable, Equatable {
  var item: String
  var itemName: String
  var location: String
  var lot: String?
  var expiry: String?
  var onHand: Int64
  var reserved: Int64
  var available: Int64
  var unusable: Int64
  var unit: String
  var value: String
}

/// `depot card --json`.
struct StockCard: Decodable {
  struct Entry: Decodable {
    var date: String
    var document: String
    var from: String
    var to: String
    var lot: String?
    var quantityIn: Int64
    var quantityOut: Int64
    var balance: Int64
    var value: String
    var actor: String
  }

  var item: String
  var itemName: String
  var unit: String
  var location: String?
  var lot: String?
  var balance: Int64
  var entries: [Entry]
}

/// `depot key show --json`.
struct KeyList: Decodable {
  struct Key: Decodable {
    var id: Int64
    var state: String
    var fingerprint: String
    var publicKey: String
  }

  var user: String
  var keys: [Key]
}

/// Terminal columns of text, counting East Asian wide and fullwidth characters as two.
func displayWidth(_ text: some StringProtocol) -> Int {
  text.unicodeScalars.reduce(0) { width, scalar in
    let value = scalar.value
    let wide =
      (0x1100...0x115F).contains(value) || (0x2E80...0x303E).contains(value)
      || (0x3041...0x33FF).contains(value) || (0x3400...0x4DBF).contains(value)
      || (0x4E00...0x9FFF).contains(value) || (0xAC00...0xD7A3).contains(value)
      || (0xF900...0xFAFF).contains(value) || (0xFE30...0xFE4F).contains(value)
      || (0xFF00...0xFF60).contains(value) || (0xFFE0...0xFFE6).contains(value)
      || (0x20000...0x3FFFD).contains(value)
    return width + (wide ? 2 : 1)
  }
}
