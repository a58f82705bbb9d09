import SwiftSyntax
import SwiftSyntaxMacros

/// A macro that writes one member of a struct from the struct's stored properties.
public protocol StructMemberMacro: MemberMacro {
  /// The member, given the stored properties in declaration order and the struct's access
  /// modifier followed by a space (empty for internal).
  static func member(of properties: [StoredProperty], access: String) -> DeclSyntax
}

extension StructMemberMacro {
  public static func expansion(
    of node: AttributeSyntax, providingMembersOf declaration: some DeclGroupSyntax,
    conformingTo protocols: [TypeSyntax], in context: some MacroExpansionContext
  ) throws -> [DeclSyntax] {
    guard declaration.is(StructDeclSyntax.self) else { throw MacroFailure.notAStruct }
    let access = declaration.modifiers.lazy.map(\.name.text).first {
      ["public", "package", "fileprivate", "private"].contains($0)
    }
    return [
      member(of: try StoredProperty.all(of: declaration), access: access.map { "\($0) " } ?? "")
    ]
  }
}
