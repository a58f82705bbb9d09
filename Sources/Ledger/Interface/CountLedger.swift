import Foundation
import Macros

/// Stock at a place that is on hand but may not leave it: held by a write-off or in
/// disinfection.
@MemberwiseInit
public struct StockHold: Sendable, Equatable {
  public var accountId: Int64
  public var lotId: Int64
  public var quantity: Int64
}

/// Stock counts and the adjustments (write-offs) they and others raise.
public protocol CountLedger {
  /// Records a count and its lines.
  func insertCount(_ count: StockCountRecord, lines: [StockCountLineRecord]) throws

  /// The count part of a CNT document.
  func count(documentID: Int64) throws -> StockCountRecord?

  /// A count's lines, in the order they were counted.
  func countLines(documentID: Int64) throws -> [StockCountLineRecord]

  /// An item's most recent stock layer.
  func latestLot(itemID: Int64) throws -> LotRecord?

  /// The value of one unit of a lot as it came in from its source, rounded down; zero for a
  /// lot that came in free.
  func unitValue(ofLot lotID: Int64) throws -> (value: Int64, quantity: Int64)

  /// Records the adjustment part of a new ADJ document and its lines.
  func insertAdjustment(_ adjustment: AdjustmentRecord, lines: [AdjustmentLineRecord]) throws

  /// The adjustment part of an ADJ document.
  func adjustment(documentID: Int64) throws -> AdjustmentRecord?

  /// An adjustment's lines, in order.
  func adjustmentLines(documentID: Int64) throws -> [AdjustmentLineRecord]

  /// The adjustments that a document (an issuance or a return) opened, oldest first.
  func adjustments(originDocumentID: Int64) throws -> [DocumentRecord]

  /// ADJ documents, newest first, optionally only those in one state.
  func adjustments(state: DocumentState?) throws -> [DocumentRecord]

  /// What of each lot of an item is held at a place: by write-offs that await approval or
  /// whose waste batch has not left the place yet, by count shortages that await approval,
  /// and by open disinfections.
  func holds(itemID: Int64, accountID: Int64) throws -> [Int64: Int64]

  /// Every hold, per place and lot.
  func holds() throws -> [StockHold]

  /// The numbers of the documents that hold some of a lot at a place.
  func holdingDocuments(lotID: Int64, accountID: Int64) throws -> [String]
}
