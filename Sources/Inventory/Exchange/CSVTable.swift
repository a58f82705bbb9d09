import CSV

/// A CSV file read for import: its header's columns and its records, with every record that
/// cannot be read listed as a problem on its line.
struct CSVTable {
  /// One data record.
  struct Row {
    var line: Int
    fileprivate var fields: [String]

    /// The field in column `index`, trimmed; nil when the column is absent or the field
    /// empty.
    subscript(_ index: Int?) -> String? {
      guard let index else { return nil }
      let field = fields[index].trimmingWhitespace
      return field.isEmpty ? nil : String(field)
    }
  }

  /// Where each column of the header is.
  private(set) var columns: [String: Int] = [:]
  var rows: [Row] = []
  var problems: [ImportProblem] = []

  /// Reads `bytes`, whose header must hold every `required` column and nothing beyond
  /// `required` and `optional`; the rows of a file whose header is wrong are not read.
  init(_ bytes: [UInt8], required: [String], optional: [String]) {
    var reader = CSVReader(bytes)
    var width = 0
    var sawHeader = false
    while true {
      let record: CSVRecord
      do throws(CSVError) {
        guard let next = try reader.next() else { break }
        record = next
      } catch {
        problems.append(ImportProblem(line: error.line, reason: error.description))
        if !sawHeader { return }
        continue
      }
      guard sawHeader else {
        sawHeader = true
        width = record.fields.count
        for (index, name) in record.fields.enumerated() {
          let column = String(name.trimmingWhitespace).lowercased()
          if !(required + optional).contains(column) {
            problems.append(
              ImportProblem(
                line: record.line,
                reason: "unknown column '\(column)'; the columns are "
                  + (required + optional).joined(separator: ", ")))
          } else if columns[column] != nil {
            problems.append(
              ImportProblem(line: record.line, reason: "the column '\(column)' appears twice"))
          }
          columns[column] = index
        }
        for column in required where columns[column] == nil {
          problems.append(
            ImportProblem(line: record.line, reason: "the header lacks the column '\(column)'"))
        }
        if !problems.isEmpty { return }
        continue
      }
      guard record.fields.count == width else {
        problems.append(
          ImportProblem(
            line: record.line,
            reason: "has \(record.fields.count) fields but the header has \(width)"))
        continue
      }
      rows.append(Row(line: record.line, fields: record.fields))
    }
    if !sawHeader {
      problems.append(ImportProblem(line: 1, reason: "the file is empty: it needs a header row"))
    }
  }
}

extension ImportProblem {
  /// The refusal of a row of a file whose format has `columns`: the field it is about is
  /// named by its column, every other field as `DepotError.fieldNaming` names it.
  /// `aliases` names the column that stands for a field of another key.
  init(
    line: Int, refusal: DepotError, columns: (required: [String], optional: [String]),
    aliases: [Field: String] = [:]
  ) {
    let naming = ColumnNaming(
      subject: refusal.field, columns: Set(columns.required + columns.optional),
      aliases: aliases, otherwise: DepotError.fieldNaming)
    self.init(line: line, reason: refusal.description(naming: naming), refusal: refusal)
  }
}

/// Names one field by its column (its key, or the column that stands for it) where the file
/// has that column, and every other field as `otherwise` does.
private struct ColumnNaming: FieldNaming {
  let subject: Field?
  let columns: Set<String>
  let aliases: [Field: String]
  let otherwise: any FieldNaming

  func name(of field: Field) -> String {
    let column = aliases[field] ?? field.rawValue
    return field == subject && columns.contains(column) ? column : otherwise.name(of: field)
  }
}
