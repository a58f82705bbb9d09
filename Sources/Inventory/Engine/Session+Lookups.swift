import Ledger

extension Session {
  /// The item this text names (its code in any letter case, or its unique exact name), or a
  /// refusal offering the closest.
  func item(_ text: String) throws -> ItemRecord {
    try named(
      text, .item, by: Naming<ItemRecord>(code: { $0.code }, name: { $0.name }),
      byCode: transaction.item(codeInAnyCase:), among: transaction.items)
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

  /// The physical location (warehouse, site, waste point) this text names, which must be of
  /// `kind` when one is given; its name is looked for among the locations of that kind.
  func location(_ text: String, kind: AccountRecord.Kind? = nil) throws -> AccountRecord {
    try account(text, .location, kinds: kind.map { [$0] } ?? [.warehouse, .site, .wastePoint])
  }

  /// The outside party (supplier, donor, contractor) this text names, which must be of `kind`
  /// when one is given; its name is looked for among the parties of that kind.
  func party(_ text: String, kind: AccountRecord.Kind? = nil) throws -> AccountRecord {
    try account(text, .party, kinds: kind.map { [$0] } ?? [.supplier, .donor, .contractor])
  }

  /// The account of one of `kinds` that this text names: any account's code wins, and a
  /// code of another kind is refused as such.
  private func account(_ text: String, _ catalogue: Catalogue, kinds: [AccountRecord.Kind])
    throws -> AccountRecord
  {
    let account = try named(
      text, catalogue, by: Naming<AccountRecord>(code: { $0.code }, name: { $0.name }),
      byCode: transaction.account(codeInAnyCase:), among: { try transaction.accounts(kinds: kinds) }
    )
    guard kinds.contains(account.kind) else {
      throw DepotError.wrongKind(
        code: account.code, kind: account.kind.rawValue,
        expected: kinds.count == 1 ? kinds[0].rawValue : catalogue.rawValue)
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
  /// The registered user of this name in any letter case, or a refusal offering the closest.
  func user(_ name: String) throws -> UserRecord {
    try named(
      name, .user, by: Naming<UserRecord>(code: { $0.name }, name: { _ in nil }),
      byCode: transaction.user(namedInAnyCase:), among: transaction.users)
  }

  /// The entry of `catalogue` that `text` names by `naming`'s rule, or the refusal that offers
  /// the entries bearing the name or the closest ones.
  private func named<Entry>(
    _ text: String, _ catalogue: Catalogue, by naming: Naming<Entry>,
    byCode: (String) throws -> Entry?, among entries: () throws -> [Entry]
  ) throws -> Entry {
    switch try naming.match(text, byCode: byCode, among: entries) {
    case .found(let entry):
      return entry
    case .ambiguous(let entries):
      throw DepotError.ambiguousName(catalogue, name: text, codes: entries.map(naming.code))
    case .unknown(let closest):
      let candidates = closest.map(naming.candidate)
      switch catalogue {
      case .item: throw DepotError.unknownItem(text, closest: candidates)
      case .location: throw DepotError.unknownLocation(text, closest: candidates)
      case .party: throw DepotError.unknownParty(text, closest: candidates)
      case .user: throw DepotError.unknownUser(text, closest: candidates)
      }
    }
  }
}
