import Foundation
import Inventory
import Testing

@testable import depot

/// The command line names every field the engine reports by the option that gives it, or by
/// the argument or file column it comes from: one name per field, each one real.
@Suite struct OptionNameTests {
  /// Every long option and every argument of every `depot` command, from the parser's own
  /// description of the command tree.
  static func commandLine() throws -> (options: Set<String>, arguments: Set<String>) {
    let dump = try #require(
      try JSONSerialization.jsonObject(with: Data(DepotCommand._dumpHelp().utf8))
        as? [String: Any])
    var options: Set<String> = []
    var arguments: Set<String> = []
    func walk(_ command: [String: Any]) {
      for argument in command["arguments"] as? [[String: Any]] ?? [] {
        if argument["kind"] as? String == "positional" {
          if let name = argument["valueName"] as? String { arguments.insert(name) }
        } else {
          for name in argument["names"] as? [[String: Any]] ?? []
          where name["kind"] as? String == "long" {
            if let text = name["name"] as? String { options.insert("--" + text) }
          }
        }
      }
      for subcommand in command["subcommands"] as? [[String: Any]] ?? [] { walk(subcommand) }
    }
    walk(try #require(dump["command"] as? [String: Any]))
    return (options, arguments)
  }

  @Test func everyFieldHasANameOfItsOwn() {
    let names = Field.allCases.map { OptionNames().name(of: $0) }
    #expect(names.count == Field.allCases.count)
    #expect(!names.contains(""))
    let repeated = Dictionary(grouping: names) { $0 }.filter { $0.value.count > 1 }.keys
    #expect(repeated.sorted() == [])
  }

  @Test func everyNameIsAnOptionAnArgumentOrAColumn() throws {
    let (options, arguments) = try Self.commandLine()
    #expect(options.count > 60 && arguments.count > 10, "the help dump was read")
    /// Named by a column of an imported file (`warehouse`, `tracking`), or recorded only: the
    /// lines of a count (`line`).
    let elsewhere: Set<String> = ["warehouse", "tracking", "line"]
    let unknown = Field.allCases.map { OptionNames().name(of: $0) }.filter { name in
      name.hasPrefix("--") ? !options.contains(name) : !(arguments.union(elsewhere)).contains(name)
    }
    #expect(unknown == [])
  }

  @Test func theCommandLineSentencesNameOptions() {
    let naming = OptionNames()
    #expect(
      DepotError.invalidQuantity(field: .quantity, reason: "give \(Field.quantity)")
        .description(naming: naming)
        == "'--qty' must be a positive whole number of base units: give --qty")
    #expect(
      DepotError.referenceReused(
        reference: "r-1", command: "receive",
        differences: [
          .input(.quantity, earlier: "100", now: "101"),
          .input(.date, earlier: "2026-11-20", now: nil),
        ]
      ).description(naming: naming)
        == "--ref r-1 was already used for 'receive' with other inputs (--qty was 100, now 101; "
        + "--date was 2026-11-20, now not given); use a new --ref for a new command")
    #expect(
      DepotError.wasteNotCollected(batch: "WST-2026-000001").description(naming: naming)
        == "WST-2026-000001 has not been weighed yet; record it with 'depot waste collect "
        + "WST-2026-000001 --weight W --containers N' first")
  }
}
