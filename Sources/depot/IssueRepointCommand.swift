import ArgumentParser
import Inventory

extension IssueCommand {
  /// `depot issue repoint`: a reservation whose lot expired or was recalled, re-pointed.
  struct Repoint: EngineCommand {
    static let configuration = CommandConfiguration(
      commandName: "repoint",
      abstract: "Re-point a reservation that usable stock no longer covers (approver, signed).",
      discussion: """
        When a lot under a reservation expires or is recalled, 'issue ship' refuses the part \
        usable stock no longer covers. Re-pointing keeps what the other usable lots at the \
        warehouse cover (first expiry first, after older approvals) and releases the rest \
        from the request. 'depot inbox' lists the reservations that need it.

        Example:
          depot issue repoint REQ-2026-000002 --item MASK-SURG --as zhang
        """)

    @OptionGroup var global: GlobalOptions
    @OptionGroup var reference: ReferenceOption
    @Argument(help: "The request number.") var number: String
    @Option(help: "The item whose reservation to re-point.") var item: String

    func run(on depot: Depot) throws {
      let request = ReservationRepoint(number: number, item: item)
      try emit(try depot.repointReservation(request, global.context(reference))) { report in
        let lots = report.lots.isEmpty ? "no lot" : "lot " + report.lots.joined(separator: ", ")
        return "Re-pointed \(report.document) \(report.item) at \(report.location): "
          + "\(report.stillReserved) \(report.unit) still reserved on \(lots), "
          + "\(report.released) \(report.unit) released"
      }
    }
  }
}
