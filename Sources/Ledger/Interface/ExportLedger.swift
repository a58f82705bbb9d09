import Foundation

/// Streams of rows for exports, read without building records.
public protocol ExportLedger {
  /// Every movement effective between two days (either may be open), in posting order.
  ///
  /// Columns: 0 movement id, 1 effective date, 2 recorded at, 3 document number, 4 item
  /// code, 5 item name, 6 lot number, 7 expiry, 8 provenance (the lot's supplier or donor
  /// code), 9 order number, 10 from account code, 11 to account code, 12 quantity, 13 base
  /// unit, 14 value in fen, 15 actor name.
  func streamMovements(from: Day?, to: Day?, _ body: (any StreamedRow) throws -> Void) throws
    -> Int64

  /// Stock at every physical place per lot, from the stored balances or, with `asOf`, from
  /// the movements effective on or before that day; by item, place, expiry.
  ///
  /// Columns: 0 item code, 1 item name, 2 location code, 3 location name, 4 lot number,
  /// 5 expiry, 6 provenance code, 7 order number, 8 quantity, 9 base unit, 10 value in fen.
  func streamStock(asOf: Day?, _ body: (any StreamedRow) throws -> Void) throws -> Int64

  /// Every donated lot received, every quantity refused at a donation's inspection and every
  /// donated lot a reversal gave back, with effective dates between two days, by document,
  /// accepted before rejected.
  ///
  /// Columns: 0 effective date, 1 document number, 2 donor code, 3 donor name, 4 item code,
  /// 5 item name, 6 lot number, 7 expiry, 8 status (`accepted`, `rejected`, or `reversed`
  /// with the quantity and value given back as negative numbers), 9 quantity,
  /// 10 base unit, 11 value in fen (NULL when rejected), 12 reason (NULL when accepted).
  func streamDonations(from: Day?, to: Day?, _ body: (any StreamedRow) throws -> Void) throws
    -> Int64
}
