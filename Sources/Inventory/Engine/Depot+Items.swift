import Ledger
import Macros

/// `depot item add`: a catalogue item with its unit, packs and tracking.
@MemberwiseInit
public struct NewItem: DepotRequest {
  public typealias Result = ItemSummary
  public var command: String { "item add" }
  public var code: String
  public var name: String
  public var category: ItemCategory
  public var unit: String
  /// Pack definitions as typed: `box=50`, `carton=20box`.
  public var packs: [String] = []
  public var tracking: Tracking = .none

  public var inputs: [(Field, String)] {
    [(.code, code), (.name, name), (.category, category.rawValue), (.unit, unit)]
      + packs.map { (.pack, $0) } + [(.tracking, tracking.rawValue)]
  }
}

/// An item as listed.
public struct ItemSummary: Codable, Sendable, Equatable {
  /// A pack size in base units.
  public struct Pack: Codable, Sendable, Equatable {
    public var name: String
    public var quantity: Int64
  }

  public var code: String
  public var name: String
  public var category: String
  public var unit: String
  public var packs: [Pack]
  public var tracking: String
}

extension Depot {
  /// Adds an item to the catalogue (admin only).
  public func addItem(_ request: NewItem, _ context: WriteContext) throws -> ItemSummary {
    try perform(request, context, roles: [.admin], action: "add items") { session in
      let item = try session.addItem(
        code: request.code, name: request.name, category: request.category, unit: request.unit,
        packs: request.packs, tracking: request.tracking)
      return try Self.summary(of: item, session.transaction)
    }
  }

  /// Every item in the catalogue.
  public func items(as actor: String?) throws -> [ItemSummary] {
    try read(as: actor) { session in
      try session.transaction.items().map { try Self.summary(of: $0, session.transaction) }
    }
  }

  static func summary(of item: ItemRecord, _ transaction: any LedgerTransaction) throws
    -> ItemSummary
  {
    ItemSummary(
      code: item.code, name: item.name, category: item.category, unit: item.baseUnit,
      packs: try transaction.packs(ofItem: item.id).map {
        ItemSummary.Pack(name: $0.name, quantity: $0.baseQuantity)
      }, tracking: item.tracking.rawValue)
  }

  /// Reads `box=50`, `carton=20box`, `t=1000` into base quantities, in order, so a pack can
  /// be defined in terms of one defined before it.
  static func parsePacks(_ definitions: [String], baseUnit: String) throws -> [(
    name: String, baseQuantity: Int64
  )] {
    var packs: [(name: String, baseQuantity: Int64)] = []
    for definition in definitions {
      let pack = try parsePack(definition, baseUnit: baseUnit, packs: packs)
      guard packs.contains(where: { $0.name == pack.name }) == false else {
        throw DepotError.invalidOption(
          field: .pack, reason: "'\(pack.name)' is already a unit of this item with another size")
      }
      packs.append(pack)
    }
    return packs
  }

  /// Reads one pack definition against the packs defined so far: a name that is not the base
  /// unit, and a whole size above 1 in base units or in an earlier pack. A standard unit
  /// (`g` of `kg`) may be named only at its standard size.
  static func parsePack(
    _ definition: String, baseUnit: String, packs: [(name: String, baseQuantity: Int64)]
  ) throws -> (name: String, baseQuantity: Int64) {
    let parts = definition.split(separator: "=", maxSplits: 1).map(String.init)
    let invalid = DepotError.invalidOption(
      field: .pack, reason: "must look like box=50 or carton=20box (got '\(definition)')")
    guard parts.count == 2 else { throw invalid }
    let name = try Text.checkedUnit(parts[0], field: .pack)
    let known = UnitTable(
      itemCode: "the item", baseUnit: baseUnit,
      packs: Dictionary(packs.map { ($0.name, $0.baseQuantity) }, uniquingKeysWith: { a, _ in a })
    )
    guard let amount = try? QuantityAmount.parse(parts[1]), amount.scale == 0,
      let quantity = try? known.baseQuantity(of: amount), quantity > 1
    else { throw invalid }
    let isPack = packs.contains { $0.name == name }
    if !isPack, let standard = known.factor(of: name),
      standard != (quantity, 1) || name == baseUnit
    {
      throw DepotError.invalidOption(
        field: .pack, reason: "'\(name)' is already a unit of this item with another size")
    }
    return (name, quantity)
  }
}

extension Session {
  /// Checks and catalogues one item with its packs, recording it in the chain.
  func addItem(
    code rawCode: String, name rawName: String, category: ItemCategory, unit rawUnit: String,
    packs definitions: [String], tracking: Tracking
  ) throws -> ItemRecord {
    let code = try Text.checkedCode(rawCode, field: .code)
    let name = try Text.checked(rawName, field: .name)
    let unit = try Text.checkedUnit(rawUnit, field: .unit)
    let packs = try Depot.parsePacks(definitions, baseUnit: unit)
    if let existing = try transaction.item(codeInAnyCase: code) {
      throw DepotError.duplicateCode(kind: "item", code: existing.code)
    }
    let item = try transaction.insertItem(
      code: code, name: name, category: category.rawValue, baseUnit: unit,
      tracking: tracking, packs: packs, createdAt: now)
    try record(
      subject: "item \(code)", action: "item.add",
      payload: Payload(
        [
          ("code", code), ("name", name), ("category", category.rawValue), ("unit", unit),
          ("tracking", tracking.rawValue),
        ] + packs.map { ("pack", "\($0.name)=\($0.baseQuantity)") }))
    return item
  }
}
