import Foundation
import Macros

/// A movement to post; the ledger gives it its id and hash.
@MemberwiseInit
public struct MovementDraft: Sendable {
  public var lot: LotRecord
  public var fromAccountId: Int64
  public var toAccountId: Int64
  public var quantity: Int64
  public var value: Int64
  public var documentId: Int64
  public var actorId: Int64
  public var effectiveDate: Day
  public var recordedAt: Moment
  public var reversesMovementId: Int64? = nil
}

/// How much of one lot one account holds, with the names a report needs.
@MemberwiseInit
public struct StockPosition: Sendable, Equatable {
  public var itemId: Int64
  public var itemCode: String
  public var itemName: String
  public var baseUnit: String
  public var accountId: Int64
  public var accountCode: String
  public var accountName: String
  public var accountKind: AccountRecord.Kind
  public var lotId: Int64
  public var lotNumber: String?
  public var expiry: Day?
  public var quantity: Int64
  public var value: Int64
}

/// One lot held at one account: what picking chooses from.
@MemberwiseInit
public struct LotHolding: Sendable, Equatable {
  public var lot: LotRecord
  public var quantity: Int64
  public var value: Int64
}

/// One line of a stock card: a movement with the names of what it touched.
@MemberwiseInit
public struct CardLine: Sendable, Equatable {
  public var movementId: Int64
  public var effectiveDate: Day
  public var recordedAt: Moment
  public var documentNumber: String
  public var fromAccountId: Int64
  public var fromCode: String
  public var fromHoldsStock: Bool
  public var toAccountId: Int64
  public var toCode: String
  public var toHoldsStock: Bool
  public var lotId: Int64
  public var lotNumber: String?
  public var quantity: Int64
  public var value: Int64
  public var actorName: String
}

/// Lots, movements and the balances they derive.
public protocol MovementLedger {
  /// The lot with this identity (number, source and order), if received before.
  func lot(itemID: Int64, number: String, sourceAccountID: Int64, orderDocumentID: Int64?) throws
    -> LotRecord?

  /// The anonymous layer of an untracked item from this source and order, if any.
  func anonymousLot(itemID: Int64, sourceAccountID: Int64, orderDocumentID: Int64?) throws
    -> LotRecord?

  /// The lots of an item that carry this number, from any source.
  func lots(itemID: Int64, number: String) throws -> [LotRecord]

  /// Every numbered lot received from one source under one order (or none).
  func lots(sourceAccountID: Int64, orderDocumentID: Int64?) throws -> [LotRecord]

  /// The numbers of every lot or serial of an item, from any source.
  func lotNumbers(itemID: Int64) throws -> Set<String>

  /// The lot with this id.
  func lot(id: Int64) throws -> LotRecord?

  /// Records a new lot and returns it as stored.
  func insertLot(_ lot: LotRecord) throws -> LotRecord

  /// Appends one hash-chained movement; the database updates both balances with it and
  /// refuses it if a physical place would go below zero.
  @discardableResult
  func post(_ draft: MovementDraft) throws -> MovementRecord

  /// Appends movements in this order, chained one after the other as single posts would be,
  /// and written many to an INSERT: a big receipt costs the database one statement (and one
  /// statement journal) per batch instead of per movement.
  @discardableResult
  func post(_ drafts: [MovementDraft]) throws -> [MovementRecord]

  /// The id the next lot will get.
  func nextLotID() throws -> Int64

  /// Records new lots that already carry their ids (from `nextLotID` on), many to an INSERT.
  func insertLots(_ lots: [LotRecord]) throws

  /// The movements of a document, in the order they were posted.
  func movements(ofDocument documentID: Int64) throws -> [MovementRecord]

  /// The effective date of the latest movement of a lot at an account, if any.
  func latestEffectiveDate(accountID: Int64, lotID: Int64) throws -> String?

  /// The lowest balance a lot has at an account on any day from `day` on, counting only
  /// movements effective on or before each day. Used to refuse backdated outflows that a
  /// later balance could not have covered.
  func lowestBalance(accountID: Int64, lotID: Int64, from day: Day) throws -> Int64

  /// The stored balance of a lot at an account (zero when nothing ever moved there).
  func balance(accountID: Int64, lotID: Int64) throws -> (quantity: Int64, value: Int64)

  /// The lots of an item held at an account, first expiry first (no expiry last), then oldest.
  func holdings(itemID: Int64, accountID: Int64) throws -> [LotHolding]

  /// Stock on hand at every physical place, one row per item, place and lot; from the stored
  /// balances, or recomputed from the movements effective on or before `asOf`.
  func stockPositions(itemID: Int64?, accountID: Int64?, asOf: Day?) throws -> [StockPosition]

  /// Every movement of an item, optionally only those touching one account or some lots,
  /// in posting order.
  func cardLines(itemID: Int64, accountID: Int64?, lotIDs: [Int64]?) throws -> [CardLine]
}
