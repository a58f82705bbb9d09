/// The five classes of medical waste of the State Council's medical-waste regulations.
public enum WasteCategory: String, CaseIterable, Codable, Sendable {
  case infectious, sharps, pathological, pharmaceutical, chemical

  /// The class written-off stock of an item category goes to: medicine is pharmaceutical
  /// waste; disinfectants, and equipment with its batteries and chemical residue, are
  /// chemical; protective gear and other goods written off may have been contaminated at a
  /// site and are treated as infectious.
  static func forWriteOff(of category: String) -> WasteCategory {
    switch ItemCategory(rawValue: category) {
    case .medicine: .pharmaceutical
    case .disinfectant, .equipment: .chemical
    case .protective, .other, nil: .infectious
    }
  }
}

/// Where a batch of waste is on its way from the bin to the contractor's certificate.
enum WasteState {
  /// Opened by an approved write-off; its stock is set aside but not yet weighed.
  static let awaitingCollection = "awaiting-collection"
  static let collected = "collected"
  static let stored = "stored"
  static let handedOver = "handed-over"
  static let disposed = "disposed"
  /// A manifest whose re-measured load disagrees with its batches, until resolved.
  static let discrepancy = "discrepancy"

  /// The states in which a batch is still at the office, and the 48-hour clock runs.
  static let notHandedOver = [awaitingCollection, collected, stored]

  /// How long waste may be kept before it is handed over (the regulations' two days).
  static let storageLimitHours: Int64 = 48
}
