/// A count sheet: a CSV file of what was found at one place, one row per item (and lot), with
/// the columns `item`, `counted` and optionally `lot` and `unit`.
public enum CountSheet {
  /// Reads a sheet into counted lines; a sheet with any bad row is refused whole, every bad
  /// row named by its line.
  public static func lines(_ bytes: [UInt8], file: String) throws -> [CountedLine] {
    let table = CSVTable(bytes, required: ["item", "counted"], optional: ["lot", "unit"])
    var problems = table.problems
    var lines: [CountedLine] = []
    for row in table.rows {
      guard let item = row[table.columns["item"]] else {
        problems.append(ImportProblem(line: row.line, reason: "'item' is empty"))
        continue
      }
      let unit = row[table.columns["unit"]]
      let text = row[table.columns["counted"]] ?? ""
      do throws(QuantityError) {
        let counted =
          text == "0"
          ? QuantityAmount(digits: 0, unit: unit) : try QuantityAmount.parse(text, unit: unit)
        lines.append(CountedLine(item: item, lot: row[table.columns["lot"]], counted: counted))
      } catch {
        problems.append(
          ImportProblem(line: row.line, reason: "'counted' must be a whole quantity: \(error)"))
      }
    }
    guard problems.isEmpty else { throw DepotError.importRejected(file: file, problems: problems) }
    return lines
  }
}
