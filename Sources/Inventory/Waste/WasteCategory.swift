import Ledger

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

/// The 48-hour clock of a batch of waste on its way from the bin to the contractor: a batch
/// opened by an approved write-off awaits collection (its stock set aside, not yet weighed),
/// is collected, stored at a waste point, handed over and disposed of.
enum WasteClock {
  /// The states in which a batch is still at the office, and the 48-hour clock runs.
  static let notHandedOver: [DocumentState] = [.awaitingCollection, .collected, .stored]

  /// How long waste may be kept before it is handed over (the regulations' two days).
  static let storageLimitHours: Int64 = 48
}
