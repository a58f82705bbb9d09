import Foundation
import Testing

/// Start-up time is a command's latency: ArgumentParser asks every subcommand for its name when
/// it builds the command tree, and a command without an explicit `commandName` makes it derive
/// one with `String(describing:)`, a reflection that costs about 0.4 ms per command in the static
/// binary. Every command configuration therefore names its command first.
@Suite struct CommandNameTests {
  static let sources = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Sources/depot")

  @Test func everyCommandConfigurationNamesItsCommand() throws {
    let files = try FileManager.default.contentsOfDirectory(
      at: Self.sources, includingPropertiesForKeys: nil
    ).filter { $0.pathExtension == "swift" }
    var configurations = 0
    var unnamed: [String] = []
    for file in files {
      let text = try String(contentsOf: file, encoding: .utf8)
      let pieces = text.components(separatedBy: "CommandConfiguration(").dropFirst()
      for piece in pieces {
        configurations += 1
        let start = piece.drop { $0 == " " || $0 == "\n" }
        if !start.hasPrefix("commandName:") {
          unnamed.append("\(file.lastPathComponent): \(start.prefix(60))")
        }
      }
    }
    #expect(configurations > 80)
    #expect(unnamed.isEmpty, "\(unnamed.joined(separator: "\n"))")
  }
}
