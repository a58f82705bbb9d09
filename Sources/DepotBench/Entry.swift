import Foundation
import Inventory

/// `depot-bench`: builds a deterministic synthetic office of a given number of movements
/// through Depot's own engine, in large transactions, for `Scripts/bench.sh`.
///
///     depot-bench DATABASE MOVEMENTS KEY-FOLDER
@main
enum Entry {
  static func main() {
    let arguments = CommandLine.arguments
    guard arguments.count == 4, let movements = Int(arguments[2]), movements > 0 else {
      FileHandle.standardError.write(
        Data("usage: depot-bench DATABASE MOVEMENTS KEY-FOLDER\n".utf8))
      exit(64)
    }
    do {
      let office = try SyntheticOffice(
        path: arguments[1], keyFolder: arguments[3], seed: 20_261_129)
      try office.generate(movements: movements)
    } catch {
      FileHandle.standardError.write(Data("depot-bench: \(error)\n".utf8))
      exit(1)
    }
  }
}
