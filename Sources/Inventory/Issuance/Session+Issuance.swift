import Ledger

extension Session {
  /// A REQ document and its lines, refused unless it is in one of `states`, for a step to
  /// `target`.
  func issuance(
    _ number: String, allowing states: [DocumentState], to target: DocumentState
  ) throws -> (DocumentRecord, [IssuanceLineRecord]) {
    let document = try document(
      number, kind: .issuanceRequest, allowing: states, to: target)
    return (document, try transaction.issuanceLines(documentID: document.id))
  }

  /// The issuance part of a REQ document.
  func issuanceRecord(_ document: DocumentRecord) throws -> IssuanceRequestRecord {
    try part(transaction.issuance(documentID: document.id), of: document, "request")
  }

  /// Refuses unless the actor is bound to `site`.
  func requireBinding(to site: AccountRecord) throws {
    guard try transaction.sites(ofUser: actor.id).contains(where: { $0.id == site.id }) else {
      throw DepotError.notBoundToSite(user: actor.name, site: site.code)
    }
  }

  /// Items and their quantities in base units; an item named twice is refused.
  func quantities(_ amounts: [ItemAmount], field: Field) throws -> [(
    item: ItemRecord, quantity: Int64
  )] {
    var result: [(item: ItemRecord, quantity: Int64)] = []
    for amount in amounts {
      let item = try item(amount.item)
      guard !result.contains(where: { $0.item.id == item.id }) else {
        throw DepotError.invalidOption(field: field, reason: "names \(item.code) twice")
      }
      result.append((item, try baseQuantity(of: amount.amount, item, field: field)))
    }
    return result
  }

  /// The account a document points to.
  func account(_ id: Int64?) throws -> AccountRecord {
    guard let id else {
      throw DepotError.damagedDatabase("a document lacks the place it moves stock from or to")
    }
    guard let account = try transaction.account(id: id) else {
      throw DepotError.damagedDatabase("account \(id) is missing from the account table")
    }
    return account
  }

  /// The item with this id.
  func item(id: Int64) throws -> ItemRecord {
    guard let item = try transaction.item(id: id) else {
      throw DepotError.damagedDatabase("item \(id) is missing from the item table")
    }
    return item
  }

  /// The lot with this id.
  func lot(id: Int64) throws -> LotRecord {
    guard let lot = try transaction.lot(id: id) else {
      throw DepotError.damagedDatabase("lot \(id) is missing from the lot table")
    }
    return lot
  }

  /// What of an item can still be promised at a warehouse: on hand in lots that have not
  /// expired and are not recalled, less what write-offs and disinfection hold and what open
  /// requests have reserved; never below nothing, when reservations outgrow the usable stock.
  func available(_ item: ItemRecord, at place: AccountRecord) throws -> Int64 {
    let usable = try movableHoldings(of: item, at: place).reduce(0) { $0 + $1.movable }
    return Swift.max(
      0, usable - (try transaction.reservedQuantity(itemID: item.id, accountID: place.id)))
  }

  /// Moves given quantities of given lots between two places, value pro rata (I6).
  func moveLots(
    _ lots: [(lot: LotRecord, quantity: Int64)], of item: ItemRecord, from source: AccountRecord,
    to destination: AccountRecord, _ document: DocumentRecord
  ) throws -> [PostedDocument.Line] {
    try lots.map { lot, quantity in
      try checkCovered(quantity, of: lot, item, at: source)
      let held = try transaction.balance(accountID: source.id, lotID: lot.id)
      let value = try share(
        of: LotHolding(lot: lot, quantity: held.quantity, value: held.value), part: quantity,
        at: source)
      try transaction.post(
        MovementDraft(
          lot: lot, fromAccountId: source.id, toAccountId: destination.id, quantity: quantity,
          value: value, documentId: document.id, actorId: actor.id,
          effectiveDate: effectiveDate, recordedAt: now))
      return PostedDocument.Line(
        item: item, lot: lot, from: source, to: destination, quantity: quantity, value: value)
    }
  }
}
