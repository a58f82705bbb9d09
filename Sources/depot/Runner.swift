import ArgumentParser
import Foundation
import Inventory
import Output

/// A command that works on an opened Depot database.
protocol EngineCommand: ParsableCommand {
  var global: GlobalOptions { get }
  func run(on depot: Depot) throws
}

extension EngineCommand {
  mutating func run() throws {
    let global = self.global
    try Runner.guarded {
      let depot = try OfficeDatabase.open(path: global.databasePath, clock: Runner.clock)
      try LocalTime.$office.withValue(try depot.localTime()) { try run(on: depot) }
    }
  }

  /// Prints a result: JSON with --json, else the text.
  func emit<Value: Encodable>(_ value: Value, text: (Value) -> String) throws {
    try Runner.emit(value, json: global.json, text: text)
  }
}

/// Opening the database, printing results, and turning errors into one sentence and an exit
/// code (SPEC §5).
enum Runner {
  /// The clock: the system's, or in debug builds `$DEPOT_NOW` for reproducible tests.
  static var clock: any DepotClock {
    #if DEBUG
      if let text = ProcessInfo.processInfo.environment["DEPOT_NOW"], let moment = Moment(text) {
        return FixedClock(moment)
      }
    #endif
    return SystemClock()
  }

  /// Runs `body`, reporting a refusal as `error: sentence` on stderr with its exit code.
  static func guarded(_ body: () throws -> Void) throws {
    do {
      try body()
    } catch let error as DepotError {
      Terminal.error("error: " + Sanitized.line(error.description))
      if case .importRejected(_, let problems) = error {
        for problem in problems { Terminal.error(Sanitized.line(problem.description)) }
      }
      throw ExitCode(code(for: error.category))
    } catch let error as ExitCode {
      throw error
    } catch let error as EncodingError {
      Terminal.error(
        "error: the result could not be written as JSON (\(error.localizedDescription))")
      throw ExitCode(1)
    }
  }

  static func code(for category: DepotError.Category) -> Int32 {
    switch category {
    case .refused: 1
    case .notPermitted: 2
    case .conflict: 3
    }
  }

  /// Prints a result: JSON with `json` (instants with the office's offset), else the text
  /// with its invisible characters shown escaped (see `Sanitized.visible`).
  static func emit<Value: Encodable>(_ value: Value, json: Bool, text: (Value) -> String) throws {
    if json {
      let encoder = JSONEncoder()
      encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
      encoder.userInfo[.localTime] = LocalTime.office
      let data = try encoder.encode(value)
      FileHandle.standardOutput.write(data + Data("\n".utf8))
    } else {
      let rendered = Sanitized.visible(text(value))
      if !rendered.isEmpty { print(rendered) }
    }
  }
}
