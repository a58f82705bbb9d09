import ArgumentParser
import Foundation
import Inventory
import Output

/// `depot report daily`: the day's report to headquarters.
struct DailyReportCommand: EngineCommand {
  static let configuration = CommandConfiguration(
    commandName: "daily",
    abstract: "The day's report: received, issued, pending, reserves, planned purchases.",
    discussion: """
      --html FILE writes one self-contained page (inline CSS and SVG charts, no network) \
      that opens on a phone.

      Example:
        depot report daily --date 2026-12-01 --html daily-2026-12-01.html \\
          --as zhang
      """)

  @OptionGroup var global: GlobalOptions
  @OptionGroup var planning: PlanningOptions
  @Option(help: "The day, YYYY-MM-DD (default today).") var date: String?
  @Option(help: "Also write the report as an HTML page to this file.") var html: String?

  func validate() throws { _ = try Parse.day(date, flag: "--date") }

  func run(on depot: Depot) throws {
    let report = try depot.dailyReport(
      on: try Parse.day(date, flag: "--date"), planning.settings,
      as: global.actingUser)
    if let html {
      do {
        try Data(DailyReportPage.render(report).utf8).write(to: URL(fileURLWithPath: html))
      } catch {
        throw DepotError.invalidOption(field: .html, reason: "cannot write \(html)")
      }
    }
    try emit(report, text: render)
  }

  private func render(_ report: DailyReport) -> String {
    var parts = ["\(report.office): daily report for \(report.date)"]
    func add(_ title: String, _ table: Table) {
      parts.append(title + "\n" + (table.rows.isEmpty ? "  none" : table.render()))
    }
    var received = Table([
      .init("Document"), .init("Kind"), .init("From"), .init("Item"), .init("Name"),
      .init("Quantity", alignRight: true), .init("Unit"), .init("Value", alignRight: true),
    ])
    for line in report.received {
      received.append([
        line.document, line.kind, line.source, line.item, line.itemName, String(line.quantity),
        line.unit, line.value,
      ])
    }
    add("Received", received)
    var bySite = Table([
      .init("Site"), .init("Item"), .init("Quantity", alignRight: true), .init("Unit"),
    ])
    for line in report.issuedBySite {
      bySite.append([line.site ?? "", line.item, String(line.quantity), line.unit])
    }
    add("Issued by site", bySite)
    var byPriority = Table([
      .init("Priority"), .init("Item"), .init("Quantity", alignRight: true), .init("Unit"),
    ])
    for line in report.issuedByPriority {
      byPriority.append([line.priority ?? "", line.item, String(line.quantity), line.unit])
    }
    add("Issued by priority", byPriority)
    var pending = Table([
      .init("Request"), .init("Waiting for"), .init("Priority"), .init("Site"),
      .init("Requested"), .init("Age (h)", alignRight: true),
    ])
    for request in report.pending {
      pending.append([
        request.number, request.waitingFor, request.priority, request.site,
        request.requestedAt.local, String(request.ageHours),
      ])
    }
    add("Pending requests", pending)
    var unmet = Table([
      .init("Request"), .init("Site"), .init("Item"), .init("Requested", alignRight: true),
      .init("Approved", alignRight: true), .init("Declined", alignRight: true),
      .init("Awaiting", alignRight: true), .init("Unit"), .init("Declined because"),
    ])
    for line in report.unmetDemand {
      unmet.append(
        [line.number, line.site, line.item]
          + [line.requested, line.approved, line.declined, line.awaitingDecision].map(String.init)
          + [line.unit, line.declineReason ?? ""])
    }
    add("Unmet demand (awaiting decision or declined)", unmet)
    var reserves = Table([
      .init("Item"), .init("Name"), .init("Location"), .init("Available", alignRight: true),
      .init("Floor", alignRight: true), .init("Cover (d)", alignRight: true), .init("Status"),
    ])
    for status in report.reserves {
      reserves.append([
        status.item, status.itemName, status.location, String(status.available),
        status.floor.map(String.init) ?? "", status.daysOfCover.map(String.init) ?? "-",
        status.status,
      ])
    }
    add("Protective and disinfection reserves", reserves)
    for (title, lines) in [
      ("Waste collected", report.wasteCollected), ("Waste handed over", report.wasteHandedOver),
    ] {
      var waste = Table([
        .init("Batch"), .init("Class"), .init("From"), .init("Grams", alignRight: true),
        .init("Containers", alignRight: true), .init("Manifest"),
      ])
      for line in lines {
        waste.append([
          line.batch, line.category, line.source, line.grams.map(String.init) ?? "",
          line.containers.map(String.init) ?? "", line.manifest ?? "",
        ])
      }
      add(title, waste)
    }
    if !report.wasteOverdue.isEmpty {
      parts.append("Waste over 48 hours: " + report.wasteOverdue.joined(separator: ", "))
    }
    var planned = Table([
      .init("Item"), .init("Location"), .init("Propose", alignRight: true), .init("Unit"),
      .init("Supplier"), .init("Why"),
    ])
    for proposal in report.plannedPurchases {
      planned.append([
        proposal.item, proposal.location, String(proposal.quantity), proposal.unit,
        proposal.supplier ?? "", proposal.reason,
      ])
    }
    add("Planned purchases", planned)
    return parts.joined(separator: "\n\n")
  }
}
