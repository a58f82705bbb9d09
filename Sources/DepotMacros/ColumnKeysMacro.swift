import SwiftSyntax
import SwiftSyntaxMacros

/// Writes a record's `CodingKeys`: one case per stored property, whose raw value is the
/// property's name in snake_case, the table's column name. Written at compile time, so no key
/// is converted per row (GRDB's `convertFromSnakeCase` strategy converts on every row read).
public struct ColumnKeysMacro: StructMemberMacro {
  public static func member(of properties: [StoredProperty], access: String) -> DeclSyntax {
    let cases = properties.map { property in
      let column = snakeCase(property.name)
      return column == property.name
        ? "case \(property.name)" : "case \(property.name) = \"\(column)\""
    }
    return """
      /// The table's columns.
      \(raw: access)enum CodingKeys: String, CodingKey {
      \(raw: cases.joined(separator: "\n"))
      }
      """
  }

  /// `documentId` → `document_id`, `weightGrams` → `weight_grams`: an underscore before each
  /// upper-case letter, which is lowered.
  static func snakeCase(_ name: String) -> String {
    var column = ""
    for character in name {
      if character.isUppercase {
        column += "_" + character.lowercased()
      } else {
        column.append(character)
      }
    }
    return column
  }
}
