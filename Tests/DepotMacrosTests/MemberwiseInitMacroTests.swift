import SwiftSyntaxMacroExpansion
import SwiftSyntaxMacrosGenericTestSupport
import Testing

@testable import DepotMacros

@Suite struct MemberwiseInitMacroTests {
  let macros: [String: MacroSpec] = ["MemberwiseInit": MacroSpec(type: MemberwiseInitMacro.self)]

  @Test func publicStructGetsPublicInitWithDefaultsFromInitialValues() {
    assertMacroExpansion(
      """
      @MemberwiseInit
      public struct Line {
        public var item: String
        public var lot: String? = nil
        public var serials: [String] = []
        let kind = "line"
        static var count: Int = 0
        var label: String { item }
      }
      """,
      expandedSource: """
        public struct Line {
          public var item: String
          public var lot: String? = nil
          public var serials: [String] = []
          let kind = "line"
          static var count: Int = 0
          var label: String { item }

          public init(item: String, lot: String? = nil, serials: [String] = []) {
            self.item = item
            self.lot = lot
            self.serials = serials
          }
        }
        """,
      macroSpecs: macros, indentationWidth: .spaces(2),
      failureHandler: { Issue.record("\($0.message)") })
  }

  @Test func internalStructGetsInternalInit() {
    assertMacroExpansion(
      """
      @MemberwiseInit
      struct Pair {
        let left: Int, right: Int
      }
      """,
      expandedSource: """
        struct Pair {
          let left: Int, right: Int

          init(left: Int, right: Int) {
            self.left = left
            self.right = right
          }
        }
        """,
      macroSpecs: macros, indentationWidth: .spaces(2),
      failureHandler: { Issue.record("\($0.message)") })
  }

  @Test func propertyWithoutWrittenTypeIsRefusedByName() {
    assertMacroExpansion(
      """
      @MemberwiseInit
      public struct Guess {
        public var count = 0
      }
      """,
      expandedSource: """
        public struct Guess {
          public var count = 0
        }
        """,
      diagnostics: [
        DiagnosticSpec(message: "property 'count' needs a written type", line: 1, column: 1)
      ],
      macroSpecs: macros, indentationWidth: .spaces(2),
      failureHandler: { Issue.record("\($0.message)") })
  }

  @Test func enumIsRefused() {
    assertMacroExpansion(
      """
      @MemberwiseInit
      enum State {}
      """,
      expandedSource: """
        enum State {}
        """,
      diagnostics: [DiagnosticSpec(message: "the macro applies to a struct", line: 1, column: 1)],
      macroSpecs: macros, indentationWidth: .spaces(2),
      failureHandler: { Issue.record("\($0.message)") })
  }
}
