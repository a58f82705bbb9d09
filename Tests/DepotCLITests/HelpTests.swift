import Foundation
import Testing

/// SPEC §5: `--help` on every command, with an example, and `depot --version`.
@Suite struct HelpTests {
  static let commands: [[String]] = [
    ["init"], ["user", "add"], ["user", "list"], ["key", "generate"], ["key", "enrol"],
    ["key", "rotate"], ["key", "show"], ["item", "add"], ["item", "list"], ["location", "add"],
    ["location", "list"], ["party", "add"], ["party", "list"], ["receive"],
    ["donation", "receive"], ["transfer"], ["stock"], ["card"], ["ledger", "verify"],
    ["ledger", "head"], ["backup"],
    ["procure", "request"], ["procure", "approve"], ["procure", "reject"], ["procure", "order"],
    ["procure", "close"], ["procure", "cancel"], ["procure", "show"], ["procure", "list"],
    ["invoice", "add"], ["pay"], ["period", "close"], ["report", "payables"],
    ["report", "donors"], ["export"], ["import"],
    ["waste", "collect"], ["waste", "store"], ["waste", "handover"], ["waste", "resolve"],
    ["waste", "dispose"], ["waste", "list"], ["waste", "show"], ["writeoff"],
    ["adjust", "approve"], ["adjust", "reject"], ["adjust", "list"], ["adjust", "show"],
    ["recall"], ["disinfect", "done"], ["disinfect", "list"], ["report", "waste"],
    ["report", "recovery"], ["return"], ["reverse", "post"], ["reverse", "show"], ["show"],
    ["item", "set"], ["location", "set"], ["party", "set"], ["user", "set"], ["user", "revoke"],
    ["user", "deactivate"], ["office", "set"], ["office", "show"],
    ["inbox"], ["issue", "repoint"],
  ]

  /// On an 80-column terminal too, where help wraps its text to the width: an example's
  /// lines are never broken (a piece of one would start the next line at the margin).
  @Test(arguments: commands)
  func everyCommandExplainsItselfWithAnExample(_ command: [String]) throws {
    let sandbox = try DepotSandbox()
    let result = try sandbox.start(
      DepotBinary.path, command + ["--help"],
      environment: sandbox.environment(extra: ["COLUMNS": "80"])
    ).finish()
    #expect(result.status == 0, result.transcript)
    #expect(result.stdout.contains("Example"), result.transcript)
    #expect(result.stdout.contains("depot \(command.joined(separator: " "))"), result.transcript)
    var inExample = false
    for line in result.stdout.split(separator: "\n", omittingEmptySubsequences: false) {
      if inExample, !line.isEmpty {
        #expect(line.hasPrefix(" "), "an example was re-wrapped before '\(line)'")
      }
      inExample = line.hasPrefix("  depot ") || (inExample && line.hasPrefix("    "))
    }
    #expect(!FileManager.default.fileExists(atPath: sandbox.path("depot.sqlite")))
  }

  @Test func versionPrintsTheVersion() throws {
    let sandbox = try DepotSandbox()
    let result = try sandbox.start(
      DepotBinary.path, ["--version"], environment: sandbox.environment()
    ).finish()
    #expect(result.status == 0)
    #expect(result.stdout == "0.1.0\n")
  }
}
