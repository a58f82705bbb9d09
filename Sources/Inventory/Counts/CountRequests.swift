import Macros

/// Why a count found more or less than the books (SPEC §4 "Count and adjust").
public enum CountReason: String, CaseIterable, Codable, Sendable {
  case damaged, expired, lost, found
  case dataError = "data-error"
}

/// What was found of one item (and lot) at the counted place.
@MemberwiseInit
public struct CountedLine: Sendable, Equatable, Codable {
  public var item: String
  public var lot: String? = nil
  /// Zero is a count too: nothing was found.
  public var counted: QuantityAmount
}

/// `depot count`: a physical count of one place, line by line.
@MemberwiseInit
public struct CountRequest: DepotRequest {
  public typealias Result = CountView
  public var location: String
  public var lines: [CountedLine]
  /// The reason for every variance; by default shortages are `lost` and surpluses `found`.
  public var reason: CountReason? = nil
  public var note: String? = nil

  public var command: String { "count" }
  public var inputs: [(Field, String)] {
    [(.at, location)]
      + lines.map { (.line, "\($0.item)|\($0.lot ?? "")|\($0.counted.description)") }
      + (reason.map { [(.reason, $0.rawValue)] } ?? []) + (note.map { [(.note, $0)] } ?? [])
  }
}

/// A count as recorded: book against counted per lot, and the adjustments its variances
/// became.
public struct CountView: Codable, Sendable, Equatable {
  /// One lot of the count.
  public struct Line: Codable, Sendable, Equatable {
    public var item: String
    public var itemName: String
    public var lot: String?
    public var book: Int64
    public var counted: Int64
    public var variance: Int64
    public var unit: String
  }

  public var number: String
  /// `pending` while an adjustment awaits approval, else `closed`.
  public var state: String
  public var location: String
  public var countedBy: String
  /// What open requests had reserved of the counted items at the place when it was counted.
  public var reservedAtCount: Int64
  public var lines: [Line]
  public var adjustments: [String]
  public var note: String?
}
