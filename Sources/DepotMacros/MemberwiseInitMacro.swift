import SwiftSyntax
import SwiftSyntaxMacros

/// Writes a struct's memberwise initialiser at the struct's own access level: one parameter
/// per stored property, in declaration order; a property's initial value becomes the
/// parameter's default, as in the initialiser Swift itself synthesises (which is never public).
public struct MemberwiseInitMacro: StructMemberMacro {
  public static func member(of properties: [StoredProperty], access: String) -> DeclSyntax {
    let list = properties.map { property in
      let defaultValue = property.initialValue.map { " = \($0)" } ?? ""
      return "\(property.name): \(property.type)\(defaultValue)"
    }
    let body = properties.map { "self.\($0.name) = \($0.name)" }
    return """
      \(raw: access)init(\(raw: list.joined(separator: ", "))) {
      \(raw: body.joined(separator: "\n"))
      }
      """
  }
}
