import Foundation
import GRDB

/// One immutable ledger line.
public struct MovementRecord: LedgerRecord, Equatable {
  public static let databaseTableName = "movement"
  public var id: Int64
  public var itemId: Int64
  public var lotId: Int64
  public var fromAccountId: Int64
  public var toAccountId: Int64
  public var quantity: Int64
  public var value: Int64
  public var documentId: Int64
  public var actorId: Int64
  public var effectiveDate: String
  public var recordedAt: String
  public var reversesMovementId: Int64?
  public var hash: Data

  public init(
    id: Int64, itemId: Int64, lotId: Int64, fromAccountId: Int64, toAccountId: Int64,
    quantity: Int64, value: Int64, documentId: Int64, actorId: Int64, effectiveDate: String,
    recordedAt: String, reversesMovementId: Int64?, hash: Data
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

  public init(row: Row) {
    id = row["id"]
    itemId = row["item_id"]
    lotId = row["lot_id"]
    fromAccountId = row["from_account_id"]
    toAccountId = row["to_account_id"]
    quantity = row["quantity"]
    value = row["value"]
    documentId = row["document_id"]
    actorId = row["actor_id"]
    effectiveDate = row["effective_date"]
    recordedAt = row["recorded_at"]
    reversesMovementId = row["reverses_movement_id"]
    hash = row["hash"]
  }

  public func encode(to container: inout PersistenceContainer) {
    container["id"] = id
    container["item_id"] = itemId
    container["lot_id"] = lotId
    container["from_account_id"] = fromAccountId
    container["to_account_id"] = toAccountId
    container["quantity"] = quantity
    container["value"] = value
    container["document_id"] = documentId
    container["actor_id"] = actorId
    container["effective_date"] = effectiveDate
    container["recorded_at"] = recordedAt
    container["reverses_movement_id"] = reversesMovementId
    container["hash"] = hash
  }
}
