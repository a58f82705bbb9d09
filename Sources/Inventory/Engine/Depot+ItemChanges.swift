import Ledger
import Macros

/// `depot item set CODE`: an item's name, and packs: new ones, or another size for one that
/// nothing was ever counted in. The code, unit, category and tracking never change.
@MemberwiseInit
public struct ItemSetting: DepotRequest {
  public typealias Result = ItemSummary
  public var code: String
  public var name: String? = nil
  /// Pack definitions as typed: `box=50`, `carton=20box`.
  public var packs: [String] = []

  public var command: String { "item set" }
  public var inputs: [(Field, String)] {
    [(.code, code)] + (name.map { [(.name, $0)] } ?? []) + packs.map { (.pack, $0) }
  }
}

extension Depot {
  /// Changes an item's name or packs (admin); a pack that exists changes size only while the
  /// item has no stock and no documents.
  public func setItem(_ request: ItemSetting, _ context: WriteContext) throws -> ItemSummary {
    try perform(request, context, roles: [.admin], action: "change items") { session in
      guard request.name != nil || !request.packs.isEmpty else {
        throw DepotError.nothingToChange(command: request.command, fields: [.name, .pack])
      }
      let transaction = session.transaction
      let item = try session.item(request.code)
      var payload = Payload([("code", item.code)])
      if let given = request.name {
        let name = try Text.checked(given, field: .name)
        if name != item.name {
          try transaction.renameItem(item.id, to: name)
          payload.append("name", name)
        }
      }
      var packs = try transaction.packs(ofItem: item.id).map {
        (name: $0.name, baseQuantity: $0.baseQuantity)
      }
      for definition in request.packs {
        let pack = try Self.parsePack(definition, baseUnit: item.baseUnit, packs: packs)
        if let index = packs.firstIndex(where: { $0.name == pack.name }) {
          guard packs[index].baseQuantity != pack.baseQuantity else { continue }
          guard try !transaction.itemIsUsed(item.id) else {
            throw DepotError.packInUse(item: item.code, pack: pack.name)
          }
          packs[index].baseQuantity = pack.baseQuantity
        } else {
          packs.append(pack)
        }
        try transaction.setPack(ofItem: item.id, name: pack.name, baseQuantity: pack.baseQuantity)
        payload.append("pack", "\(pack.name)=\(pack.baseQuantity)")
      }
      guard payload.fields.count > 1 else { throw DepotError.alreadySet(subject: item.code) }
      try session.record(subject: "item \(item.code)", action: "item.set", payload: payload)
      return try Self.summary(
        of: transaction.item(id: item.id) ?? item, transaction)
    }
  }
}
