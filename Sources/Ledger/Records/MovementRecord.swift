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
}
