import Foundation
import Ledger

extension Depot {
  /// How the office's clock reads instants: what its callers show times in (SPEC §10).
  public func localTime() throws -> LocalTime {
    try Self.storage {
      try store.read { transaction in LocalTime(try Session.office(in: transaction).zone) }
    }
  }
}

extension OfficeRecord {
  /// The office's time zone; UTC where the stored name is none.
  var zone: TimeZone { TimeZone(identifier: timezone) ?? LocalTime.utc.timeZone }
}
