import Foundation
import Testing

@testable import Inventory

/// `verify` judges every envelope by `UseCasePolicy`, so every command that writes must be in
/// it: a command missing there would make verify refuse genuine writes.
@Suite struct UseCasePolicyTests {
  /// Every command named by a literal in the engine's requests, read from the source.
  static func literalCommands() throws -> Set<String> {
    let sources = URL(fileURLWithPath: #filePath)
      .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("Sources/Inventory")
    let pattern = try NSRegularExpression(pattern: #"var command: String \{ "([^"\\]+)" \}"#)
    var commands: Set<String> = []
    let files = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)
    while let file = files?.nextObject() as? URL {
      guard file.pathExtension == "swift" else { continue }
      let text = try String(contentsOf: file, encoding: .utf8)
      for match in pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
        if let range = Range(match.range(at: 1), in: text) { commands.insert(String(text[range])) }
      }
    }
    return commands
  }

  static func decisionCommands<Kind: DecisionKind & CaseIterable>(_ kind: Kind.Type) -> [String] {
    Kind.allCases.map { "\(Kind.commandGroup) \($0.rawValue)" }
  }

  @Test func everyCommandThatWritesIsInThePolicy() throws {
    let literal = try Self.literalCommands()
    #expect(literal.count >= 30, "the source scan found \(literal.count) commands")
    let commands =
      literal.union(["receive", "donation receive", "init"])
      .union(ImportKind.allCases.map { "import \($0.rawValue)" })
      .union(UserChange.Kind.allCases.map { "user \($0.rawValue)" })
      .union(Self.decisionCommands(IssueDecisionKind.self))
      .union(Self.decisionCommands(PurchaseRequestDecisionKind.self))
      .union(Self.decisionCommands(PurchaseOrderDecisionKind.self))
      .union(Self.decisionCommands(AdjustmentDecisionKind.self))
    #expect(commands.subtracting(UseCasePolicy.roles.keys).sorted() == [])
    #expect(Set(UseCasePolicy.roles.keys).subtracting(commands).sorted() == [])
  }

  @Test func anEnvelopeClaimsSomeAndOnlyTheCommandsRoles() {
    #expect(UseCasePolicy.admits("issue approve", claimed: ["approver"]))
    #expect(!UseCasePolicy.admits("issue approve", claimed: ["requester"]))
    #expect(!UseCasePolicy.admits("issue approve", claimed: []))
    #expect(UseCasePolicy.admits("key generate", claimed: []))
    #expect(!UseCasePolicy.admits("key generate", claimed: ["admin"]))
    #expect(!UseCasePolicy.admits("issue approve now", claimed: ["approver"]))
  }
}
