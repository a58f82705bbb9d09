import Ledger

extension Session {
  /// The columns of an items file (README): packs are separated by spaces, tracking is
  /// `none` (the default), `lot` or `serial`.
  static let itemColumns = (
    required: ["code", "name", "category", "unit"], optional: ["packs", "tracking"]
  )

  /// Catalogues every item of a file, or none: each bad row is a problem on its line.
  func importItems(_ table: CSVTable) throws -> [String] {
    let column = { (name: String) in table.columns[name] }
    let (code, name, category, unit, packs, tracking) = (
      column("code"), column("name"), column("category"), column("unit"), column("packs"),
      column("tracking")
    )
    var problems = table.problems
    var checked: [(row: CSVTable.Row, category: ItemCategory, tracking: Tracking)] = []
    var seen: [String: Int] = [:]
    for row in table.rows {
      do {
        let checkedCode = try Text.checkedCode(row[code] ?? "", field: .code)
        if let first = seen[checkedCode] {
          throw DepotError.invalidOption(
            field: .code, reason: "\(checkedCode) is also on line \(first)")
        }
        seen[checkedCode] = row.line
        guard try transaction.item(code: checkedCode) == nil else {
          throw DepotError.duplicateCode(kind: "item", code: checkedCode)
        }
        _ = try Text.checked(row[name] ?? "", field: .name)
        guard let itemCategory = ItemCategory(rawValue: row[category] ?? "") else {
          throw DepotError.invalidOption(
            field: .category,
            reason:
              "must be one of: \(ItemCategory.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        _ = try Text.checkedUnit(row[unit] ?? "", field: .unit)
        guard let itemTracking = Tracking(rawValue: row[tracking] ?? "none") else {
          throw DepotError.invalidOption(field: .tracking, reason: "must be none, lot or serial")
        }
        _ = try Depot.parsePacks(Self.packs(row[packs]), baseUnit: row[unit] ?? "")
        checked.append((row, itemCategory, itemTracking))
      } catch let error as DepotError {
        problems.append(ImportProblem(line: row.line, refusal: error, columns: Self.itemColumns))
      }
    }
    guard problems.isEmpty else { throw ImportFailure(problems: problems) }
    return try checked.map { row, itemCategory, itemTracking in
      try addItem(
        code: row[code] ?? "", name: row[name] ?? "", category: itemCategory,
        unit: row[unit] ?? "", packs: Self.packs(row[packs]), tracking: itemTracking
      ).code
    }
  }

  private static func packs(_ field: String?) -> [String] {
    (field ?? "").split(whereSeparator: \.isWhitespace).map(String.init)
  }
}

/// The bad rows of a file being imported.
struct ImportFailure: Error {
  var problems: [ImportProblem]
}
