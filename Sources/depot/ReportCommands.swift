import ArgumentParser
import Foundation
import Inventory
import Output

/// `depot report`: computed views over the ledger.
struct ReportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "report", abstract: "Reports computed from the ledger.",
    subcommands: [
      Timeliness.self, ReserveReportCommand.self, ReorderReportCommand.self,
      ExpiringReportCommand.self, DailyReportCommand.self, Waste.self, Recovery.self,
      Payables.self, Donors.self,
    ])

  struct Timeliness: EngineCommand {
    static let configuration = CommandConfiguration(
      commandName: "timeliness",
      abstract: "How long issuance takes per priority, and the requests that came late.",
      discussion: """
        For requests made between --from and --to: request → approval → first shipment → \
        confirmation, with count, median and 90th percentile in hours, on the steps' effective \
        times. A step entered late with --date counts as taken at the end of its day; the \
        intervals with such a step are counted apart ("2 late").

        Example:
          depot report timeliness --from 2026-11-01 --to 2026-11-30 --as zhang
        """)

    @OptionGroup var global: GlobalOptions
    @OptionGroup var period: PeriodOptions<RequestDays>

    func run(on depot: Depot) throws {
      let report = try depot.timeliness(
        from: period.first, to: period.last, as: global.actingUser)
      try emit(report) { report in
        var table = Table([
          .init("Priority"), .init("Requests", alignRight: true),
          .init("Request→approval", alignRight: true), .init("Approval→ship", alignRight: true),
          .init("Ship→confirm", alignRight: true), .init("Request→confirm", alignRight: true),
        ])
        for row in report.priorities {
          table.append(
            [row.priority, String(row.requests)]
              + [
                row.requestToApproval, row.approvalToShipment, row.shipmentToConfirmation,
                row.requestToConfirmation,
              ].map(describe))
        }
        var text =
          "Median / 90th percentile in hours (count, of them entered late)\n" + table.render()
        if !report.late.isEmpty {
          var late = Table([
            .init("Late request"), .init("Priority"), .init("Site"), .init("Needed by"),
            .init("Confirmed"), .init("State"),
          ])
          for request in report.late {
            late.append([
              request.number, request.priority, request.site, request.neededBy,
              request.confirmed ?? "not yet", request.state,
            ])
          }
          text += "\n\n" + late.render()
        }
        if !report.overrides.isEmpty {
          var overrides = Table([
            .init("Floor overridden"), .init("From"), .init("Site"), .init("Reason"),
          ])
          for override in report.overrides {
            overrides.append([override.number, override.source, override.site, override.reason])
          }
          text += "\n\n" + overrides.render()
        }
        return text
      }
    }
  }
}

private func describe(_ durations: TimelinessReport.Durations) -> String {
  guard let median = durations.medianHours, let p90 = durations.p90Hours else { return "-" }
  let late = durations.lateEntered > 0 ? ", \(durations.lateEntered) late" : ""
  return "\(hours(median)) / \(hours(p90)) (\(durations.count)\(late))"
}

private func hours(_ value: Double) -> String {
  String(format: "%.1f", value)
}
