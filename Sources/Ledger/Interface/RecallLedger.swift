import Foundation

/// Lot recalls and the disinfection of reusable equipment.
public protocol RecallLedger {
  /// Records a recall of one lot.
  func insertRecall(_ recall: LotRecallRecord) throws

  /// The recall of a lot, if it was recalled.
  func recall(lotID: Int64) throws -> LotRecallRecord?

  /// The recalled lots among an item's lots.
  func recalledLotIDs(itemID: Int64) throws -> Set<Int64>

  /// Every recalled lot.
  func recalledLotIDs() throws -> Set<Int64>

  /// The lots of any item that carry this number.
  func lots(number: String) throws -> [LotRecord]

  /// Puts a returned piece of equipment into disinfection.
  func insertDisinfection(_ disinfection: DisinfectionRecord) throws

  /// The disinfection a piece is in, if it is in one.
  func openDisinfection(lotID: Int64) throws -> DisinfectionRecord?

  /// Records a disinfection as done.
  func finishDisinfection(id: Int64, method: String, by userID: Int64, at moment: Moment) throws

  /// Every disinfection, oldest first; only the open ones with `openOnly`.
  func disinfections(openOnly: Bool) throws -> [DisinfectionRecord]
}
