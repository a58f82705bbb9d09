import Foundation
import Ledger

/// The explicit inputs of a write, kept with its client reference so that a retry posts once
/// and a reuse with other inputs is refused, naming what differs (SPEC §3 I7).
struct RequestInputs {
  let pairs: [(String, String)]

  init(_ pairs: [(String, String)]) {
    self.pairs = pairs
  }

  var encoded: String {
    Payload(pairs.map { ($0.0, $0.1) }).text
  }

  /// Returns the first run's result, or refuses if the inputs differ or the stored result
  /// cannot be decoded.
  static func replay<Result: Decodable>(
    _ earlier: RequestLogRecord, command: String, inputs: RequestInputs, reference: String,
    as type: Result.Type
  ) throws -> Result {
    guard earlier.command == command else {
      throw DepotError.referenceReused(
        reference: reference, command: earlier.command,
        differences: ["it was '\(earlier.command)', this is '\(command)'"])
    }
    let before = Payload(parsing: earlier.inputs).fields
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
    _ before: [(name: String, value: String)], _ now: [(String, String)]
  ) -> [String] {
    func grouped(_ pairs: [(String, String)]) -> [String: [String]] {
      Dictionary(grouping: pairs, by: \.0).mapValues { $0.map(\.1) }
    }
    let then = grouped(before.map { ($0.name, $0.value) })
    let current = grouped(now)
    var names: [String] = []
    for name in before.map(\.name) + now.map(\.0) where !names.contains(name) {
      names.append(name)
    }
    return names.compactMap { name in
      let old = then[name]?.joined(separator: ", ")
      let new = current[name]?.joined(separator: ", ")
      guard old != new else { return nil }
      return "\(name) was \(old ?? "not given"), now \(new ?? "not given")"
    }
  }
}
