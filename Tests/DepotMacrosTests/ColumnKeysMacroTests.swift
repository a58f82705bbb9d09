import SwiftSyntaxMacroExpansion
import SwiftSyntaxMacrosGenericTestSupport
import Testing

@testable import DepotMacros

@Suite struct ColumnKeysMacroTests {
  let macros: [String: MacroSpec] = ["ColumnKeys": MacroSpec(type: ColumnKeysMacro.self)]

  @Test func keysAreSnakeCaseColumnsOfStoredProperties() {
    assertMacroExpansion(
      """
      @ColumnKeys
      public struct WasteCollectionRecord {
        public var batchDocumentId: Int64
        public var collector: String
        public var weightGrams: Int64
        public var label: String { collector }
      }
      """,
      expandedSource: """
        public struct WasteCollectionRecord {
          public var batchDocumentId: Int64
          public var collector: String
          public var weightGrams: Int64
          public var label: String { collector }

          /// The table's columns.
          public enum CodingKeys: String, CodingKey {
            case batchDocumentId = "batch_document_id"
            case collector
            case weightGrams = "weight_grams"
          }
        }
        """,
      macroSpecs: macros, indentationWidth: .spaces(2),
      failureHandler: { Issue.record("\($0.message)") })
  }

  @Test(arguments: [
    ("id", "id"), ("documentId", "document_id"), ("sha256", "sha256"),
    ("previousEventHash", "previous_event_hash"),
  ])
  func snakeCase(name: String, column: String) {
    #expect(ColumnKeysMacro.snakeCase(name) == column)
  }
}
