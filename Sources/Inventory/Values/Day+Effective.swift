import Ledger

extension Day {
  /// The earliest effective date the ledger records (its documents are numbered by years
  /// 2000 to 9999).
  public static let earliestEffective = Day(year: 2000, month: 1, day: 1)!

  /// Refuses an effective date before `earliestEffective`.
  public static func checkedEffective(_ day: Day) throws(DepotError) -> Day {
    guard day >= earliestEffective else {
      throw .dateTooEarly(day, earliest: earliestEffective)
    }
    return day
  }
}
