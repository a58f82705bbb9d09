import Foundation

/// One immutable ledger line.
public struct MovementRecord: LedgerRecord, Equatable {
  public var id: Int64
  public var itemId: Int64
  public var lotId: Int64
  public var fromAccountId: Int64
  public var toAccountId: Int64
  public var quantity: Int64
  public var value: Int64
  public var documentId: Int64
  public var actorId: Int64
  public var effectiveDate: Day
  public var recordedAt: Moment
  public var reversesMovementId: Int64?
  public var hash: Data

  public init(
    id: Int64, itemId: Int64, lotId: Int64, fromAccountId: Int64, toAccountId: Int64,
    quantity: Int64, value: Int64, documentId: Int64, actorId: Int64, effectiveDate: Day,
    recordedAt: Moment, reversesMovementId: Int64?, hash: Data
  ) {
    self.id = id
    self.itemId = itemId
    self.lotId = lotId
    self.fromAccountId = fromAccountId
    self.toAccountId = toAccountId
    self.quantity = quantity
    self.value = value
    self.documentId = documentId
    self.actorId = actorId
    self.effectiveDate = effectiveDate
    self.recordedAt = recordedAt
    self.reversesMovementId = reversesMovementId
    self.hash = hash
  }

  /// The table's columns.
  public enum CodingKeys: String, CodingKey {
    case id
    case itemId = "item_id"
    case lotId = "lot_id"
    case fromAccountId = "from_account_id"
    case toAccountId = "to_account_id"
    case quantity
    case value
    case documentId = "document_id"
    case actorId = "actor_id"
    case effectiveDate = "effective_date"
    case recordedAt = "recorded_at"
    case reversesMovementId = "reverses_movement_id"
    case hash
  }
}
