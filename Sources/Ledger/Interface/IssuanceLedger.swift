import Foundation
import Macros

/// An issuance request as listed, with its document and places.
@MemberwiseInit
public struct IssuanceSummaryRow: Sendable, Equatable {
  public var document: DocumentRecord
  public var request: IssuanceRequestRecord
  public var sourceCode: String
  public var siteCode: String
  public var requesterName: String
}

/// How much of each lot a document has put into an account and not yet taken out.
@MemberwiseInit
public struct LotFlow: Sendable, Equatable {
  public var lot: LotRecord
  public var quantity: Int64
}

/// A disagreement between the issuance lines and the movements, or a reservation that stock
/// on hand cannot cover.
public enum ReservationProblem: Sendable, Equatable {
  /// A line's shipped or confirmed quantity differs from what its movements moved.
  case lineDisagrees(document: String, item: String, step: String, recorded: Int64, moved: Int64)
  /// More is reserved at a warehouse than it holds.
  case overReserved(item: String, location: String, reserved: Int64, onHand: Int64)
}

/// Issuance requests, their lines and reservations, and reserve levels.
public protocol IssuanceLedger {
  /// Records the issuance part of a new REQ document.
  func insertIssuance(_ request: IssuanceRequestRecord, lines: [IssuanceLineRecord]) throws

  /// The issuance part of a REQ document.
  func issuance(documentID: Int64) throws -> IssuanceRequestRecord?

  /// Saves a request's step times and override.
  func update(_ request: IssuanceRequestRecord) throws

  /// A request's lines, in the order they were requested.
  func issuanceLines(documentID: Int64) throws -> [IssuanceLineRecord]

  /// Saves a line's quantities.
  func update(_ line: IssuanceLineRecord) throws

  /// What open requests have reserved of an item at a warehouse.
  func reservedQuantity(itemID: Int64, accountID: Int64) throws -> Int64

  /// The lines of open requests that still reserve an item, per warehouse, in the order they
  /// were approved (oldest first).
  func reservingLines(itemID: Int64) throws -> [IssuanceLineRecord]

  /// Every open reservation, summed per item and warehouse.
  func reservations() throws -> [(itemID: Int64, accountID: Int64, quantity: Int64)]

  /// For each lot of an item, what a document moved into `accountID` minus what it moved out.
  func lotFlows(documentID: Int64, itemID: Int64, accountID: Int64) throws -> [LotFlow]

  /// Requests, newest first, optionally filtered by state, site and priority.
  func issuances(state: DocumentState?, siteID: Int64?, priority: String?) throws
    -> [IssuanceSummaryRow]

  /// The reserve levels of an item at a warehouse, if set.
  func reserveLevel(itemID: Int64, accountID: Int64) throws -> ReserveLevelRecord?

  /// Sets an item's reserve levels at a warehouse.
  func save(_ level: ReserveLevelRecord) throws

  /// Every reserve level set.
  func reserveLevels() throws -> [ReserveLevelRecord]

  /// The first issuance line whose shipped or confirmed quantity disagrees with the
  /// movements, or the first reservation larger than the stock on hand.
  func firstReservationProblem() throws -> ReservationProblem?
}
