import Foundation
import Testing

extension DepotSandbox {
  /// The scenario's office for waste work: zhang (approver), qian (clerk and approver) and
  /// wang with enrolled keys, a second site SITE-HC1 with its requester zhou, the waste
  /// point WP-1, the contractors ENV-CO (licensed to 2027-12-31) and OLD-CO (licence expired
  /// 2026-10-31), and 100 boxes of the medicine CAPS-XL, lot X1, expired on 2026-11-01.
  func setUpWasteOffice(sourceLocation: SourceLocation = #_sourceLocation) throws {
    try runScenario(sourceLocation: sourceLocation)
    try addUser("zhang", ["--role", "approver"], sourceLocation: sourceLocation)
    try addUser("qian", ["--role", "clerk", "--role", "approver"], sourceLocation: sourceLocation)
    try succeed(
      ["location", "add", "SITE-HC1", "--name", "仙寓镇卫生院", "--kind", "site", "--as", "chen"],
      sourceLocation: sourceLocation)
    try addUser(
      "zhou", ["--role", "requester", "--site", "SITE-HC1"], sourceLocation: sourceLocation)
    for step in [
      ["location", "add", "WP-1", "--name", "暂存点1", "--kind", "waste-point"],
      [
        "party", "add", "ENV-CO", "--name", "__医疗废物处置中心", "--kind", "contractor", "--licence",
        "HW-3401-0021", "--licence-expires", "2027-12-31",
      ],
      [
        "party", "add", "OLD-CO", "--name", "旧处置公司", "--kind", "contractor", "--licence",
        "HW-3401-0007", "--licence-expires", "2026-10-31",
      ],
      [
        "item", "add", "CAPS-XL", "--name", "连花清瘟胶囊", "--category", "medicine", "--unit", "box",
        "--lots",
      ],
    ] {
      try succeed(step + ["--as", "chen"], sourceLocation: sourceLocation)
    }
    try succeed(
      [
        "receive", "--from", "SUP-JX", "--to", "WH-CENTRAL", "--item", "CAPS-XL", "--qty", "100",
        "--lot", "X1", "--expiry", "2026-11-01", "--value", "2000.00", "--date", "2026-10-01",
        "--emergency", "--justification", "stock before the orders", "--as", "zhang",
      ], sourceLocation: sourceLocation)
  }

  /// Runs `depot ARGUMENTS --json` successfully and decodes what it printed.
  func json<T: Decodable>(
    _ type: T.Type, _ arguments: [String], now: String = DepotSandbox.now,
    sourceLocation: SourceLocation = #_sourceLocation
  ) throws -> T {
    let result = try succeed(arguments + ["--json"], now: now, sourceLocation: sourceLocation)
    return try JSONDecoder().decode(T.self, from: Data(result.stdout.utf8))
  }
}

/// The parts of `depot waste show WST-... --json` the tests read.
struct WasteBatchJSON: Decodable {
  struct Register: Decodable {
    var source: String
    var category: String
    var weightGrams: Int64?
    var containers: Int64?
    var collector: String?
    var storagePoint: String?
    var manifest: String?
    var manifestNumber: String?
    var contractor: String?
    var licence: String?
    var driver: String?
    var vehicle: String?
    var handedOverBy: String?
    var discrepancy: String?
    var resolution: String?
    var disposalMethod: String?
    var destination: String?
    var certificate: String?
    var writeOff: String?
    var overdue: Bool
  }

  var number: String
  var state: String
  var register: Register
}

/// The parts of `depot report waste --json` the tests read.
struct WasteReportJSON: Decodable {
  struct Total: Decodable, Equatable {
    var category: String
    var batches: Int
    var grams: Int64
  }

  var batches: [WasteBatchJSON.Register]
  var categories: [Total]
  var overdue: [String]
}
