import SwiftCompilerPlugin
import SwiftSyntaxMacros

/// The compiler plugin that carries the project's macros.
@main
struct DepotMacrosPlugin: CompilerPlugin {
  let providingMacros: [any Macro.Type] = [MemberwiseInitMacro.self, ColumnKeysMacro.self]
}
