import ArgumentParser
import Inventory
import Output

extension ReportCommand {
  struct Waste: EngineCommand {
    static let configuration = CommandConfiguration(
      commandName: "waste",
      abstract: "The medical-waste register for a period, totals per class, and late batches.",
      discussion: """
        Batches opened between --from and --to (office days; default: all). Flags batches \
        not handed over within 48 hours: OVERDUE if still waiting, late if handed over late.

        Example:
          depot report waste --from 2026-11-01 --to 2026-11-30 --as zhang
        """)

    @OptionGroup var global: GlobalOptions
    @OptionGroup var period: PeriodOptions<Days>

    func run(on depot: Depot) throws {
      let report = try depot.wasteReport(from: period.first, to: period.last, as: global.actingUser)
      try emit(report) { report in
        guard !report.batches.isEmpty else { return "No waste batches in the period." }
        var totals = Table([
          .init("Class"), .init("Batches", alignRight: true), .init("Weight", alignRight: true),
        ])
        for total in report.categories {
          totals.append([total.category, String(total.batches), Weight.text(grams: total.grams)])
        }
        var text = renderRegister(report.batches) + "\n\n" + totals.render()
        if !report.overdue.isEmpty {
          text +=
            "\n\nOverdue (not handed over within 48 hours): "
            + report.overdue.joined(separator: ", ")
        }
        if !report.handedOverLate.isEmpty {
          text += "\nHanded over late: " + report.handedOverLate.joined(separator: ", ")
        }
        return text
      }
    }
  }

  struct Recovery: EngineCommand {
    static let configuration = CommandConfiguration(
      commandName: "recovery",
      abstract: "Infectious waste recovered per 1000 protective pieces issued, per site.",
      discussion: """
        For each site: protective pieces that arrived from issuances and grams of infectious \
        waste collected there, between --from and --to (default: the 30 days to today). \
        Lists sites below a quarter of the office median, and sites that received \
        protective items but returned no waste for more than 7 days.

        Example:
          depot report recovery --as zhang
          depot report recovery --from 2026-11-01 --to 2026-11-30 --json \\
            --as zhang
        """)

    @OptionGroup var global: GlobalOptions
    @OptionGroup var period: PeriodOptions<Days>

    func run(on depot: Depot) throws {
      let report = try depot.recovery(from: period.first, to: period.last, as: global.actingUser)
      try emit(report) { report in
        let heading =
          "Expected recovery \(report.from) to \(report.to); office median "
          + (report.medianGramsPerThousand.map { "\($0) g per 1000 pieces" } ?? "-")
        guard !report.sites.isEmpty else { return heading + "\nNo protective items or waste." }
        var table = Table([
          .init("Site"), .init("Name"), .init("Protective", alignRight: true),
          .init("Infectious", alignRight: true), .init("g/1000", alignRight: true),
          .init("Last waste"), .init("Days without", alignRight: true), .init("Listed"),
        ])
        for site in report.sites {
          table.append([
            site.site, site.siteName, "\(site.protectivePieces) pcs",
            Weight.text(grams: site.infectiousGrams),
            site.gramsPerThousand.map(String.init) ?? "-", site.lastWaste ?? "never",
            site.daysWithoutWaste.map(String.init) ?? "-", site.reasons.joined(separator: "; "),
          ])
        }
        return heading + "\n" + table.render()
      }
    }
  }
}
