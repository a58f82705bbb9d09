import Ledger
import Macros

/// `depot reserve set`: an item's floor, minimum and maximum at a warehouse.
@MemberwiseInit
public struct ReserveSetting: DepotRequest {
  public typealias Result = ReserveView
  public var item: String
  public var warehouse: String
  public var floor: QuantityAmount? = nil
  public var minimum: QuantityAmount? = nil
  public var maximum: QuantityAmount? = nil

  public var command: String { "reserve set" }
  public var inputs: [(Field, String)] {
    [(.reserveItem, item), (.location, warehouse)]
      + [(.floor, floor), (.minimum, minimum), (.maximum, maximum)].compactMap { name, value in
        value.map { (name, $0.description) }
      }
  }
}

/// An item's reserve levels at a warehouse, in base units.
public struct ReserveView: Codable, Sendable, Equatable {
  public var item: String
  public var location: String
  public var unit: String
  public var floor: Int64?
  public var minimum: Int64?
  public var maximum: Int64?
}

extension Depot {
  /// Sets reserve levels (admin); levels not given keep their value.
  public func setReserve(_ request: ReserveSetting, _ context: WriteContext) throws -> ReserveView {
    try perform(request, context, roles: [.admin], action: "set reserve levels") { session in
      let item = try session.item(request.item)
      let warehouse = try session.location(request.warehouse, kind: .warehouse)
      guard request.floor != nil || request.minimum != nil || request.maximum != nil else {
        throw DepotError.invalidOption(
          field: .floor, reason: "give \(Field.floor), \(Field.minimum) or \(Field.maximum)")
      }
      func level(_ amount: QuantityAmount?, _ field: Field) throws -> Int64? {
        try amount.map { try session.baseQuantity(of: $0, item, field: field) }
      }
      var record =
        try session.transaction.reserveLevel(itemID: item.id, accountID: warehouse.id)
        ?? ReserveLevelRecord(
          itemId: item.id, accountId: warehouse.id, floor: nil, minimum: nil, maximum: nil)
      record.floor = try level(request.floor, .floor) ?? record.floor
      record.minimum = try level(request.minimum, .minimum) ?? record.minimum
      record.maximum = try level(request.maximum, .maximum) ?? record.maximum
      if let minimum = record.minimum, let maximum = record.maximum, minimum > maximum {
        throw DepotError.invalidOption(
          field: .minimum, reason: "(\(minimum)) must not be above \(Field.maximum) (\(maximum))")
      }
      try session.transaction.save(record)
      try session.record(
        subject: "reserve \(item.code)@\(warehouse.code)", action: "reserve.set",
        payload: Payload([
          ("item", item.code), ("location", warehouse.code),
          ("floor", record.floor.map(String.init)),
          ("min", record.minimum.map(String.init)), ("max", record.maximum.map(String.init)),
        ]))
      return ReserveView(record, item: item, warehouse: warehouse)
    }
  }

  /// Every reserve level set.
  public func reserveLevels(as actor: String?) throws -> [ReserveView] {
    try read(as: actor) { session in
      try session.transaction.reserveLevels().map { record in
        ReserveView(
          record, item: try session.item(id: record.itemId),
          warehouse: try session.account(record.accountId))
      }
    }
  }
}

extension ReserveView {
  init(_ record: ReserveLevelRecord, item: ItemRecord, warehouse: AccountRecord) {
    self.init(
      item: item.code, location: warehouse.code, unit: item.baseUnit, floor: record.floor,
      minimum: record.minimum, maximum: record.maximum)
  }
}
