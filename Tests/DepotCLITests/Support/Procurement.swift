import Foundation
import Testing

extension DepotSandbox {
  /// The scenario's office plus what procurement needs: zhang (approver, enrolled key), sun
  /// (finance), N95 masks (lots, box=20) and goggles (box=10).
  func setUpProcurement(sourceLocation: SourceLocation = #_sourceLocation) throws {
    try setUpOffice(sourceLocation: sourceLocation)
    try addUser("zhang", ["--role", "approver"], sourceLocation: sourceLocation)
    try addUser("sun", ["--role", "finance"], sourceLocation: sourceLocation)
    for arguments in [
      [
        "item", "add", "MASK-N95", "--name", "N95口罩", "--category", "protective", "--unit",
        "piece", "--pack", "box=20", "--lots", "--as", "chen",
      ],
      [
        "item", "add", "GOGGLES", "--name", "护目镜", "--category", "protective", "--unit", "piece",
        "--pack", "box=10", "--as", "chen",
      ],
    ] {
      try succeed(arguments, sourceLocation: sourceLocation)
    }
  }

  /// Runs a command with --json and decodes its output as a JSON object.
  func json(
    _ arguments: [String], sourceLocation: SourceLocation = #_sourceLocation
  ) throws -> [String: Any] {
    let result = try succeed(arguments + ["--json"], sourceLocation: sourceLocation)
    return try #require(
      try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any],
      sourceLocation: sourceLocation)
  }

  /// `depot report payables --json`'s totals for one supplier.
  func payables(_ supplier: String = "SUP-JX") throws -> [String: Any] {
    let report = try json(["report", "payables", "--supplier", supplier, "--as", "sun"])
    let suppliers = try #require(report["suppliers"] as? [[String: Any]])
    return try #require(suppliers.first)
  }
}
