import Ledger

extension Session {
  /// The item with this code, or a refusal naming it.
  func item(_ code: String) throws -> ItemRecord {
    guard let item = try transaction.item(code: code) else { throw DepotError.unknownItem(code) }
    return item
  }

  /// The units the item's quantities may be typed in.
  func units(of item: ItemRecord) throws -> UnitTable {
    let packs = try transaction.packs(ofItem: item.id)
    return UnitTable(
      itemCode: item.code, baseUnit: item.baseUnit,
      packs: Dictionary(uniqueKeysWithValues: packs.map { ($0.name, $0.baseQuantity) }))
  }

  /// Converts a typed amount of an item to base units.
  func baseQuantity(of amount: QuantityAmount, _ item: ItemRecord, field: Field) throws -> Int64 {
    try baseQuantity(of: amount, in: try units(of: item), field: field)
  }

  /// Converts a typed amount to base units by an item's unit table.
  func baseQuantity(of amount: QuantityAmount, in table: UnitTable, field: Field) throws -> Int64 {
    do throws(QuantityError) {
      return try table.baseQuantity(of: amount)
    } catch {
      throw DepotError.invalidQuantity(field: field, reason: error.reason)
    }
  }

  /// The physical location (warehouse, site, waste point) with this code.
  func location(_ code: String) throws -> AccountRecord {
    guard let account = try transaction.account(code: code) else {
      throw DepotError.unknownLocation(code)
    }
    guard [.warehouse, .site, .wastePoint].contains(account.kind) else {
      throw DepotError.wrongKind(code: code, kind: account.kind.rawValue, expected: "location")
    }
    return account
  }

  /// The location with this code, which must be of `kind`.
  func location(_ code: String, kind: AccountRecord.Kind) throws -> AccountRecord {
    let account = try location(code)
    guard account.kind == kind else {
      throw DepotError.wrongKind(code: code, kind: account.kind.rawValue, expected: kind.rawValue)
    }
    return account
  }

  /// The outside party with this code, which must be of `kind`.
  func party(_ code: String, kind: AccountRecord.Kind) throws -> AccountRecord {
    guard let account = try transaction.account(code: code) else {
      throw DepotError.unknownParty(code)
    }
    guard account.kind == kind else {
      throw DepotError.wrongKind(code: code, kind: account.kind.rawValue, expected: kind.rawValue)
    }
    return account
  }

  /// One of the office's own accounts: transit, consumed, disposed or lost.
  func systemAccount(_ kind: AccountRecord.Kind) throws -> AccountRecord {
    guard let account = try transaction.account(code: kind.rawValue), account.kind == kind else {
      throw DepotError.damagedDatabase("the \(kind.rawValue) account is missing")
    }
    return account
  }
}

extension Session {
  /// The registered user of this name, or a refusal naming it.
  func user(_ name: String) throws -> UserRecord {
    guard let user = try transaction.user(named: name) else { throw DepotError.unknownUser(name) }
    return user
  }
}
