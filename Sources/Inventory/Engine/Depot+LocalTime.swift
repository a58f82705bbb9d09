import Foundation
import Ledger

extension Depot {
  /// How the office's clock reads instants: what its callers show times in (SPEC §10), in the
  /// time zone in effect now.
  public func localTime() throws -> LocalTime {
    try Self.storage {
      try store.read { transaction in
        LocalTime(try OfficeSettings(at: clock.now(), in: transaction).timeZone)
      }
    }
  }
}
