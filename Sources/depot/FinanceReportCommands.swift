import ArgumentParser
import Inventory
import Output

extension ReportCommand {
  struct Payables: EngineCommand {
    static let configuration = CommandConfiguration(
      commandName: "payables",
      abstract: "What the office owes each supplier: received not invoiced, invoiced not paid.",
      discussion: """
        Advances are what was paid ahead (prepayments); a flag marks an order whose invoices \
        disagree with the value received.

        Example:
          depot report payables --supplier SUP-JX --as sun
        """)

    @OptionGroup var global: GlobalOptions
    @Option(help: "Only this supplier.") var supplier: String?
    @Option(help: "As it stood at the end of this day, YYYY-MM-DD.") var asOf: String?

    func validate() throws { _ = try Parse.day(asOf, flag: "--as-of") }

    func run(on depot: Depot) throws {
      let report = try depot.payables(
        supplier: supplier, asOf: try Parse.day(asOf, flag: "--as-of"),
        as: global.actingUser)
      try emit(report) { report in
        var table = Table([
          .init("Supplier"), .init("Name"), .init("Received not invoiced", alignRight: true),
          .init("Invoiced not paid", alignRight: true), .init("Advances", alignRight: true),
          .init("Without order", alignRight: true),
        ])
        for row in report.suppliers {
          table.append([
            row.supplier, row.supplierName, row.receivedNotInvoiced, row.invoicedNotPaid,
            row.advances, row.receivedWithoutOrder,
          ])
        }
        table.append([
          "Total", "", report.receivedNotInvoiced, report.invoicedNotPaid, report.advances, "",
        ])
        let flags = report.suppliers.flatMap { supplier in
          supplier.orders.compactMap { order in order.flag.map { "  \(order.number): \($0)" } }
        }
        return table.render()
          + (flags.isEmpty ? "" : "\nFlagged:\n" + flags.joined(separator: "\n"))
      }
    }
  }

  struct Donors: EngineCommand {
    static let configuration = CommandConfiguration(
      commandName: "donors",
      abstract: "Where each donor's goods went: received, rejected, site by site, left.",
      discussion: "Example:\n  depot report donors --donor DON-RC --as sun")

    @OptionGroup var global: GlobalOptions
    @Option(help: "Only this donor.") var donor: String?

    func run(on depot: Depot) throws {
      try emit(try depot.donors(donor: donor, as: global.actingUser)) { report in
        guard !report.donors.isEmpty else { return "No donations." }
        return report.donors.map { donor in
          var table = Table([
            .init("Item"), .init("Name"), .init("Where"), .init("Received", alignRight: true),
            .init("Rejected", alignRight: true), .init("Delivered", alignRight: true),
            .init("Used", alignRight: true), .init("Holds", alignRight: true),
            .init("Unit"),
          ])
          for item in donor.items {
            table.append([
              item.item, item.itemName, "warehouses", String(item.received), String(item.rejected),
              "", "", String(item.left), item.unit,
            ])
            for site in item.sites {
              table.append([
                "", "", site.site, "", "", String(site.delivered), String(site.used),
                String(site.onHand), item.unit,
              ])
            }
          }
          return "\(donor.donor) \(donor.donorName)\n" + table.render()
        }.joined(separator: "\n\n")
      }
    }
  }
}
