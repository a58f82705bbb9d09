import Foundation
import Macros

/// One immutable ledger line.
@MemberwiseInit
@ColumnKeys
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
}
