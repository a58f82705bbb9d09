import GRDB

/// The conditions of a `WHERE` clause and their arguments, for a query whose filters are each
/// optional: a filter left out adds nothing.
struct SQLConditions {
  private var clauses: [String]
  private(set) var arguments = StatementArguments()

  /// Conditions that always hold, written without arguments.
  init(_ fixed: String...) {
    clauses = fixed.isEmpty ? ["1"] : fixed
  }

  /// Adds `clause`, whose one `?` stands for `value`, when there is a value.
  mutating func add(_ clause: String, _ value: (some DatabaseValueConvertible)?) {
    guard let value else { return }
    clauses.append(clause)
    arguments += [value]
  }

  /// Adds `column IN (…)` with one argument per value, when there are values.
  mutating func add(_ column: String, in values: [some DatabaseValueConvertible]?) {
    guard let values else { return }
    clauses.append("\(column) IN (\(values.map { _ in "?" }.joined(separator: ",")))")
    arguments += StatementArguments(values)
  }

  /// Puts arguments that the query's text binds before the conditions' own.
  mutating func prepend(_ leading: StatementArguments) {
    arguments = leading + arguments
  }

  /// The conditions joined by `AND`, for after `WHERE`.
  var sql: String { clauses.joined(separator: " AND ") }
}
