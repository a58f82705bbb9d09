import ArgumentParser
import Inventory
import Output

/// The planning options shared by `report reserve` and `report reorder`.
struct PlanningOptions: ParsableArguments {
  @Option(help: "Days of history daily use is averaged over.") var window = 14
  @Option(help: "Days of cover kept beyond the supplier's lead time.") var safety = 3
  @Option(help: "Days of use a proposal covers when no maximum is set.") var coverTarget = 30

  func validate() throws {
    guard (1...365).contains(window) else {
      throw ValidationError("'--window' must be 1 to 365 days")
    }
    guard (0...365).contains(safety) else {
      throw ValidationError("'--safety' must be 0 to 365 days")
    }
    guard (1...730).contains(coverTarget) else {
      throw ValidationError("'--cover-target' must be 1 to 730 days")
    }
  }

  var settings: PlanningSettings {
    PlanningSettings(windowDays: window, safetyDays: safety, coverTargetDays: coverTarget)
  }
}

/// `depot report reserve`: reserves against their levels and their use.
struct ReserveReportCommand: EngineCommand {
  static let configuration = CommandConfiguration(
    commandName: "reserve",
    abstract: "On hand, available, levels, daily use, days of cover and status at reserves.",
    discussion: """
      Daily use at a warehouse is what it shipped to sites per day over the window; days of \
      cover is available stock divided by daily use ("-" when there is no use). Status is \
      below floor, below min, cover < lead time, over max or ok.

      Example:
        depot report reserve --window 14 --as zhang
      """)

  @OptionGroup var global: GlobalOptions
  @OptionGroup var planning: PlanningOptions

  func run(on depot: Depot) throws {
    try emit(try depot.reserveReport(planning.settings, as: global.actingUser)) { statuses in
      guard !statuses.isEmpty else { return "No reserve stock." }
      var table = Table([
        .init("Item"), .init("Name"), .init("Location"), .init("On hand", alignRight: true),
        .init("Available", alignRight: true), .init("Floor", alignRight: true),
        .init("Min", alignRight: true), .init("Max", alignRight: true),
        .init("Daily use", alignRight: true), .init("Cover (d)", alignRight: true),
        .init("Lead (d)", alignRight: true), .init("Status"),
      ])
      for status in statuses {
        table.append(
          [
            status.item, status.itemName, status.location, String(status.onHand),
            String(status.available),
          ]
            + [status.floor, status.minimum, status.maximum].map { $0.map(String.init) ?? "" }
            + [
              status.dailyUse, status.daysOfCover.map(String.init) ?? "-",
              String(status.leadTimeDays), status.status,
            ])
      }
      return table.render()
    }
  }
}

/// `depot report reorder`: what to buy.
struct ReorderReportCommand: EngineCommand {
  static let configuration = CommandConfiguration(
    commandName: "reorder",
    abstract: "Propose purchases where cover falls below lead time plus a safety margin.",
    discussion: """
      Proposes enough to reach the maximum (or the cover target when no maximum is set), \
      rounded up to whole packs.

      Example:
        depot report reorder --safety 5 --as zhang
      """)

  @OptionGroup var global: GlobalOptions
  @OptionGroup var planning: PlanningOptions
  @OptionGroup var reference: ReferenceOption
  @Flag(help: "Write the proposals as one draft purchase request (requester or clerk).")
  var create = false

  func run(on depot: Depot) throws {
    if create {
      let created = try depot.createReorderRequest(
        ReorderRequest(settings: planning.settings), global.context(reference))
      try emit(created) { created in
        created.request.map { "Proposed in \($0), for an approver to sign off:\n" }
          .map { $0 + render(created.proposals) } ?? "Nothing to reorder."
      }
      return
    }
    try emit(try depot.reorderProposals(planning.settings, as: global.actingUser)) { proposals in
      render(proposals)
    }
  }
}

/// `depot report expiring`: lots near or past their expiry.
struct ExpiringReportCommand: EngineCommand {
  static let configuration = CommandConfiguration(
    commandName: "expiring",
    abstract: "Lots expiring within a window, soonest first, and expired stock still on hand.",
    discussion: """
      Example:
        depot report expiring --within 60d --as wang
      """)

  @OptionGroup var global: GlobalOptions
  @Option(help: "The window, in days: 60 or 60d.") var within = "\(ExpiringReport.warningDays)d"

  var days: Int? { Int(within.hasSuffix("d") ? String(within.dropLast()) : within) }

  func validate() throws {
    guard let days, days >= 0 else {
      throw ValidationError("'--within' must be a number of days, like 60d")
    }
  }

  func run(on depot: Depot) throws {
    let report = try depot.expiring(
      withinDays: days ?? ExpiringReport.warningDays, as: global.actingUser)
    let colour = Terminal.standardOutputIsTerminal
    try emit(report) { report in
      var text =
        report.expiring.isEmpty
        ? "Nothing expires within \(report.withinDays) days."
        : "Expiring within \(report.withinDays) days:\n" + render(report.expiring)
      if !report.expired.isEmpty {
        let expired = "Expired and still on hand:\n" + render(report.expired)
        text += "\n\n" + (colour ? "\u{1B}[31m\(expired)\u{1B}[0m" : expired)
      }
      return text
    }
  }

  private func render(_ lines: [ExpiringReport.Line]) -> String {
    var table = Table([
      .init("Expiry"), .init("Days", alignRight: true), .init("Item"), .init("Name"),
      .init("Location"), .init("Lot"), .init("Quantity", alignRight: true), .init("Unit"),
      .init("Value", alignRight: true),
    ])
    for line in lines {
      table.append([
        line.expiry, String(line.daysLeft), line.item, line.itemName, line.location,
        line.lot ?? "", String(line.quantity), line.unit, line.value,
      ])
    }
    return table.render()
  }
}

/// Reorder proposals as a table.
private func render(_ proposals: [ReorderProposal]) -> String {
  guard !proposals.isEmpty else { return "Nothing to reorder." }
  var table = Table([
    .init("Item"), .init("Name"), .init("Location"), .init("Available", alignRight: true),
    .init("Daily use", alignRight: true), .init("Cover (d)", alignRight: true),
    .init("Supplier"), .init("Propose", alignRight: true), .init("Unit"), .init("Packs"),
    .init("Why"),
  ])
  for proposal in proposals {
    table.append([
      proposal.item, proposal.itemName, proposal.location, String(proposal.available),
      proposal.dailyUse, proposal.daysOfCover.map(String.init) ?? "-",
      proposal.supplier ?? "", String(proposal.quantity), proposal.unit, proposal.pack ?? "",
      proposal.reason,
    ])
  }
  return table.render()
}
