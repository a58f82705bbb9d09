import ArgumentParser
import Inventory
import Output

/// `depot recall`: a lot that must come off the shelves, and where it went.
struct RecallCommand: EngineCommand {
  static let configuration = CommandConfiguration(
    commandName: "recall",
    abstract: "Recall a lot and list every place it reached (approver, signed).",
    discussion: """
      From then on the lot cannot be shipped, transferred or used; it is written off with \
      'depot writeoff --reason recalled' where it is. The list comes from the ledger: every \
      place that still holds it, what was used, and every site it was issued to. \
      Approved requests that reserved the item where the lot is keep their reservation on \
      the other usable lots there (first expiry first); what those cannot cover is \
      released, and the list names each request re-pointed or released.

      Example:
        depot recall L2301 --item MASK-SURG \\
          --reason "manufacturer notice 2026-117" --as zhang
      """)

  @OptionGroup var global: GlobalOptions
  @OptionGroup var reference: ReferenceOption
  @Argument(help: "The lot number.") var lot: String
  @Option(help: "The item, when the lot number exists for more than one.") var item: String?
  @Option(parsing: .unconditional, help: "Why the lot is recalled.") var reason: String

  func run(on depot: Depot) throws {
    let request = LotRecall(lot: lot, item: item, reason: reason)
    try emit(try depot.recall(request, global.context(reference))) { report in
      var places = Table([
        .init("Location"), .init("Kind"), .init("Received", alignRight: true),
        .init("Used", alignRight: true), .init("On hand", alignRight: true),
      ])
      for place in report.places {
        places.append([
          place.location, place.kind, String(place.received), String(place.used),
          String(place.onHand),
        ])
      }
      var issued = Table([
        .init("Date"), .init("Request"), .init("Site"), .init("Quantity", alignRight: true),
      ])
      for issue in report.issued {
        issued.append([issue.date, issue.document, issue.site, String(issue.quantity)])
      }
      var reservations = Table([
        .init("Request"), .init("Warehouse"), .init("Re-pointed", alignRight: true),
        .init("Released", alignRight: true), .init("Still reserved", alignRight: true),
      ])
      for reservation in report.reservations {
        reservations.append([
          reservation.document, reservation.location, String(reservation.repointed),
          String(reservation.released), String(reservation.stillReserved),
        ])
      }
      return "Recalled \(report.item) \(report.itemName) lot \(report.lot) (\(report.reason)), "
        + "by \(report.recalledBy); still held: \(report.stillHeld) \(report.unit)\n\n"
        + "Where it went (\(report.unit)):\n" + places.render() + "\n\n"
        + (report.issued.isEmpty
          ? "Never issued to a site." : "Issued to sites:\n" + issued.render()) + "\n\n"
        + (report.reservations.isEmpty
          ? "No reservation rested on the lot."
          : "Reservations that rested on the lot (\(report.unit)):\n" + reservations.render())
    }
  }
}
