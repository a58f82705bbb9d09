import SwiftSyntax

/// A stored instance property of a struct, as the macros read it from its declaration.
public struct StoredProperty {
  public var name: String
  public var type: TypeSyntax
  /// The initial value written in the declaration, if any.
  public var initialValue: ExprSyntax?

  /// The stored instance properties of a declaration group that take a value when an instance
  /// is made, in declaration order; computed, static and class properties, and constants with
  /// an initial value, are left out.
  static func all(of declaration: some DeclGroupSyntax) throws -> [StoredProperty] {
    var properties: [StoredProperty] = []
    for member in declaration.memberBlock.members {
      guard let variable = member.decl.as(VariableDeclSyntax.self) else { continue }
      let isStatic = variable.modifiers.contains {
        $0.name.tokenKind == .keyword(.static) || $0.name.tokenKind == .keyword(.class)
      }
      if isStatic { continue }
      let isConstant = variable.bindingSpecifier.tokenKind == .keyword(.let)
      for binding in variable.bindings {
        if let accessors = binding.accessorBlock, accessors.isComputed { continue }
        if isConstant && binding.initializer != nil { continue }
        guard let identifier = binding.pattern.as(IdentifierPatternSyntax.self) else {
          throw MacroFailure.unsupportedPattern(binding.pattern.trimmedDescription)
        }
        guard let type = binding.typeAnnotation?.type else {
          throw MacroFailure.missingType(identifier.identifier.text)
        }
        properties.append(
          StoredProperty(
            name: identifier.identifier.text, type: type.trimmed,
            initialValue: binding.initializer?.value.trimmed))
      }
    }
    return properties
  }
}

extension AccessorBlockSyntax {
  /// Whether the accessors compute the value (a getter) rather than observe a stored one.
  var isComputed: Bool {
    switch accessors {
    case .getter: return true
    case .accessors(let list):
      return list.contains {
        $0.accessorSpecifier.tokenKind == .keyword(.get)
          || $0.accessorSpecifier.tokenKind == .keyword(._read)
      }
    }
  }
}

/// Why a macro cannot expand on a declaration; the compiler shows the sentence at the attribute.
enum MacroFailure: Error, CustomStringConvertible {
  case notAStruct
  case unsupportedPattern(String)
  case missingType(String)

  var description: String {
    switch self {
    case .notAStruct: "the macro applies to a struct"
    case .unsupportedPattern(let pattern): "'\(pattern)' must be declared as one named property"
    case .missingType(let name): "property '\(name)' needs a written type"
    }
  }
}
