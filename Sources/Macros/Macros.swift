/// Gives a struct the memberwise initialiser Swift would synthesise, at the struct's own access
/// level (Swift's own is internal, so a public type built in another module needs one written
/// out): one parameter per stored property in declaration order, initial values as defaults.
@attached(member, names: named(init))
public macro MemberwiseInit() = #externalMacro(module: "DepotMacros", type: "MemberwiseInitMacro")

/// Gives a record `CodingKeys` whose raw values are its properties' names in snake_case, the
/// columns of its table.
@attached(member, names: named(CodingKeys))
public macro ColumnKeys() = #externalMacro(module: "DepotMacros", type: "ColumnKeysMacro")
