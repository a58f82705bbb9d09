import Ledger
import Macros

/// What `depot stock` shows: filters, lot detail and the day it is "as of".
@MemberwiseInit
public struct StockQuery: Sendable {
  public var location: String? = nil
  public var item: String? = nil
  public var byLot: Bool = false
  public var asOf: Day? = nil
}

/// One row of the stock table (SPEC §5): quantities in base units, value in yuan; on hand is
/// always available + reserved + unusable.
public struct StockRow: Codable, Sendable, Equatable {
  public var item: String
  public var itemName: String
  public var location: String
  public var lot: String?
  public var expiry: String?
  public var onHand: Int64
  public var reserved: Int64
  public var available: Int64
  /// What cannot be used and awaits write-off or release: expired or recalled lots, stock
  /// held by a write-off, a count shortage or disinfection, and stock at a waste point.
  public var unusable: Int64
  public var unit: String
  public var value: String

  private enum CodingKeys: String, CodingKey {
    case item, itemName, location, lot, expiry, onHand, reserved, available, unusable, unit, value
  }

  /// Writes every key, with `lot` and `expiry` as null when there are none (SPEC §5).
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(item, forKey: .item)
    try container.encode(itemName, forKey: .itemName)
    try container.encode(location, forKey: .location)
    try container.encode(lot, forKey: .lot)
    try container.encode(expiry, forKey: .expiry)
    try container.encode(onHand, forKey: .onHand)
    try container.encode(reserved, forKey: .reserved)
    try container.encode(available, forKey: .available)
    try container.encode(unusable, forKey: .unusable)
    try container.encode(unit, forKey: .unit)
    try container.encode(value, forKey: .value)
  }
}

/// `depot card`: every movement of an item, with a running balance.
@MemberwiseInit
public struct CardQuery: Sendable {
  public var item: String
  public var location: String? = nil
  public var lot: String? = nil
  /// The first effective day listed: what moved before it makes the opening balance.
  public var from: Day? = nil
  /// The last effective day listed.
  public var to: Day? = nil
}

/// A stock card: the item, what it covers, and its lines oldest first.
public struct StockCard: Codable, Sendable, Equatable {
  /// One movement and the balance after it.
  public struct Entry: Codable, Sendable, Equatable {
    public var date: String
    public var document: String
    public var from: String
    public var to: String
    public var lot: String?
    public var quantityIn: Int64
    public var quantityOut: Int64
    public var balance: Int64
    public var value: String
    public var actor: String
  }

  public var item: String
  public var itemName: String
  public var unit: String
  public var location: String?
  public var lot: String?
  /// The first day listed, with `--from`.
  public var from: String? = nil
  /// The last day listed, with `--to`.
  public var to: String? = nil
  /// The balance at the start of `from`, which the running balance starts from; nil without
  /// `from`, when it starts from nothing.
  public var opening: Int64? = nil
  /// The balance after the last entry listed.
  public var balance: Int64
  public var entries: [Entry]
}

extension Depot {
  /// Stock on hand, reserved, available and unusable at every physical place (every
  /// registered user): unusable is stock in expired or recalled lots, held by a write-off or
  /// in disinfection, or at a waste point; reserved is what open requests hold of the rest,
  /// never more than it (a reservation it does not cover is uncovered, not reserved stock);
  /// available is what is left.
  public func stock(_ query: StockQuery, as actor: String?) throws -> [StockRow] {
    try read(as: actor) { session in
      let item = try query.item.map { try session.item($0) }
      let location = try query.location.map { try session.location($0) }
      let day = query.asOf ?? session.today
      let positions = try session.transaction.stockPositions(
        itemID: item?.id, accountID: location?.id, asOf: query.asOf)
      var reserved: [HoldingKey: Int64] = [:]
      var unusable = UnusableStock()
      if query.asOf == nil {
        for reservation in try session.transaction.reservations() {
          reserved[HoldingKey(item: reservation.itemID, location: reservation.accountID)] =
            reservation.quantity
        }
        unusable = try UnusableStock(session.transaction)
      }
      var rows: [StockRow] = []
      var values: [Int64] = []
      var lastKey: HoldingKey?
      for position in positions {
        let key = HoldingKey(item: position.itemId, location: position.accountId)
        let usable = unusable.usable(position, on: day)
        let claimed = Swift.min(usable, reserved[key] ?? 0)
        reserved[key]? -= claimed
        if !query.byLot, lastKey == key {
          rows[rows.count - 1].onHand += position.quantity
          rows[rows.count - 1].reserved += claimed
          rows[rows.count - 1].available += usable - claimed
          rows[rows.count - 1].unusable += position.quantity - usable
          values[values.count - 1] += position.value
          continue
        }
        lastKey = key
        rows.append(
          StockRow(
            item: position.itemCode, itemName: position.itemName, location: position.accountCode,
            lot: query.byLot ? position.lotNumber : nil,
            expiry: query.byLot ? position.expiry?.description : nil, onHand: position.quantity,
            reserved: claimed, available: usable - claimed, unusable: position.quantity - usable,
            unit: position.baseUnit, value: ""))
        values.append(position.value)
      }
      for index in rows.indices { rows[index].value = Money.yuan(values[index]) }
      return rows
    }
  }

  /// The stock card of an item, at one place or across the office, optionally for one lot
  /// and for the effective days from `query.from` to `query.to`.
  public func card(_ query: CardQuery, as actor: String?) throws -> StockCard {
    if let from = query.from, let to = query.to, to < from {
      throw DepotError.periodReversed(from: from, to: to)
    }
    return try read(as: actor) { session in
      let item = try session.item(query.item)
      let location = try query.location.map { try session.location($0) }
      var lotIDs: [Int64]?
      if let number = query.lot {
        let lots = try session.transaction.lots(itemID: item.id, number: number)
        guard !lots.isEmpty else {
          throw DepotError.lotNotHere(item: item.code, lot: number, location: "any location")
        }
        lotIDs = lots.map(\.id)
      }
      let lines = try session.transaction.cardLines(
        itemID: item.id, accountID: location?.id, lotIDs: lotIDs)
      var balance: Int64 = 0
      var opening: Int64?
      var entries: [StockCard.Entry] = []
      for line in lines {
        if let to = query.to, line.effectiveDate > to { break }
        let (quantityIn, quantityOut): (Int64, Int64)
        if let location {
          quantityIn = line.toAccountId == location.id ? line.quantity : 0
          quantityOut = line.fromAccountId == location.id ? line.quantity : 0
        } else {
          quantityIn = line.toHoldsStock ? line.quantity : 0
          quantityOut = line.fromHoldsStock ? line.quantity : 0
        }
        if let from = query.from, line.effectiveDate < from {
          balance += quantityIn - quantityOut
          continue
        }
        if query.from != nil, opening == nil { opening = balance }
        balance += quantityIn - quantityOut
        entries.append(
          StockCard.Entry(
            date: line.effectiveDate.description, document: line.documentNumber,
            from: line.fromCode,
            to: line.toCode, lot: line.lotNumber, quantityIn: quantityIn,
            quantityOut: quantityOut, balance: balance, value: Money.yuan(line.value),
            actor: line.actorName))
      }
      return StockCard(
        item: item.code, itemName: item.name, unit: item.baseUnit, location: location?.code,
        lot: query.lot, from: query.from?.description, to: query.to?.description,
        opening: query.from.map { _ in opening ?? balance }, balance: balance, entries: entries)
    }
  }
}

/// An item at a place.
struct HoldingKey: Hashable {
  var item: Int64
  var location: Int64
}
