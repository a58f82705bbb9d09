import Inventory

extension LocalTime {
  /// The office's clock for the command that runs now: set once its database is open, UTC
  /// before (no office is known yet).
  @TaskLocal static var office = LocalTime.utc
}

extension Moment {
  /// This instant for people, on the office's clock: `2026-12-03 21:50 +08:00`.
  var local: String { LocalTime.office.text(self) }
}
