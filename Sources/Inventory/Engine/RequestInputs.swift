import Foundation
import Ledger

/// The explicit inputs of a write, kept with its client reference so that a retry posts once
/// and a reuse with other inputs is refused, naming what differs (SPEC §3 I7).
struct RequestInputs {
  let pairs: [(Field, String)]

  init(_ pairs: [(Field, String)]) {
    self.pairs = pairs
  }

  /// The inputs as stored and signed: one `key=value` line each, keyed by the field's key.
  var encoded: String {
    Payload(pairs.map { ($0.0.rawValue, $0.1) }).text
  }

  /// Returns the first run's result, or refuses if the inputs differ or the stored result
  /// cannot be decoded. Inputs an older version stored under its option names (`--qty`)
  /// compare equal to the same inputs keyed by their fields.
  static func replay<Result: Decodable>(
    _ earlier: RequestLogRecord, command: String, inputs: RequestInputs, reference: String,
    as type: Result.Type
  ) throws -> Result {
    guard earlier.command == command else {
      throw DepotError.referenceReused(
        reference: reference, command: earlier.command,
        differences: [.command(earlier: earlier.command, now: command)])
    }
    let fields = inputs.pairs.map(\.0)
    let before = try Payload(parsing: earlier.inputs).fields.map { name, value in
      guard let field = Field.recorded(name, among: fields) else {
        throw DepotError.storedResultUnreadable(reference: reference)
      }
      return (field, value)
    }
    let differences = differencesBetween(before, inputs.pairs)
    guard differences.isEmpty else {
      throw DepotError.referenceReused(
        reference: reference, command: command, differences: differences)
    }
    guard let result = try? JSONDecoder().decode(Result.self, from: Data(earlier.result.utf8))
    else { throw DepotError.storedResultUnreadable(reference: reference) }
    return result
  }

  static func encode(_ result: some Encodable) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = .sortedKeys
    return String(decoding: try encoder.encode(result), as: UTF8.self)
  }

  private static func differencesBetween(
    _ before: [(Field, String)], _ now: [(Field, String)]
  ) -> [InputDifference] {
    func grouped(_ pairs: [(Field, String)]) -> [Field: [String]] {
      Dictionary(grouping: pairs, by: \.0).mapValues { $0.map(\.1) }
    }
    let then = grouped(before)
    let current = grouped(now)
    var fields: [Field] = []
    for field in before.map(\.0) + now.map(\.0) where !fields.contains(field) {
      fields.append(field)
    }
    return fields.compactMap { field in
      let old = then[field]?.joined(separator: ", ")
      let new = current[field]?.joined(separator: ", ")
      guard old != new else { return nil }
      return .input(field, earlier: old, now: new)
    }
  }
}
