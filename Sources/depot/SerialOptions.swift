import ArgumentParser
import Inventory

/// The serial numbers of serial-tracked equipment: one `--serial` each, or a run of them with
/// `--serials FIRST..LAST` (read by `SerialRange`).
struct SerialOptions: ParsableArguments {
  @Option(
    parsing: .unconditionalSingleValue,
    help: "A serial number (serial-tracked items; repeatable).")
  var serial: [String] = []

  @Option(
    parsing: .unconditionalSingleValue,
    help: "A run of serial numbers, FIRST..LAST, e.g. IR-0001..IR-0010 (repeatable).")
  var serials: [String] = []

  func validate() throws { _ = try all }

  /// Every serial number given, those of `--serial` first, then each range's in order.
  var all: [String] {
    get throws {
      do {
        return try serial + serials.flatMap { try SerialRange($0).serials }
      } catch let error as DepotError {
        throw ValidationError(error.description)
      }
    }
  }
}
