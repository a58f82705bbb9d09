import ArgumentParser
import Inventory
import Output

/// `depot invoice`: suppliers' invoices.
struct InvoiceCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "invoice", abstract: "Record suppliers' invoices.", subcommands: [Add.self])

  struct Add: EngineCommand {
    static let configuration = CommandConfiguration(
      commandName: "add",
      abstract: "Record a supplier's invoice against an order (finance).",
      discussion: """
        --amount is tax included; --date is the invoice's date (default today). An invoice \
        that disagrees with the value received is flagged.

        Example:
          depot invoice add --order PO-2026-000001 --number INV-88812 \\
            --amount 38400.00 --date 2026-12-02 --as sun
        """)

    @OptionGroup var global: GlobalOptions
    @OptionGroup var posting: PostingOptions
    @Option(help: "The purchase order.") var order: String
    @Option(parsing: .unconditional, help: "The supplier's invoice number.") var number: String
    @Option(parsing: .unconditional, help: "The amount in yuan, tax included.") var amount: String

    func validate() throws { _ = try Parse.money(amount, flag: "--amount") }

    func run(on depot: Depot) throws {
      let invoice = InvoiceInput(
        order: order, number: number, amount: try Parse.money(amount, flag: "--amount"))
      try emit(try depot.addInvoice(invoice, global.context(posting)), text: renderPurchaseOrder)
    }
  }
}

/// `depot pay`: a payment to a supplier.
struct PayCommand: EngineCommand {
  static let configuration = CommandConfiguration(
    commandName: "pay",
    abstract: "Record a payment to an order's supplier (finance).",
    discussion: """
      A payment above what is invoiced or received and not yet paid is refused, unless it is \
      a --prepayment on an emergency order; prepayments show as advances in the payables.

      Example:
        depot pay --order PO-2026-000001 --amount 20000.00 \\
          --reference "bank slip 5521" --as sun
      """)

  @OptionGroup var global: GlobalOptions
  @OptionGroup var posting: PostingOptions
  @Option(help: "The purchase order.") var order: String
  @Option(parsing: .unconditional, help: "The amount in yuan.") var amount: String
  @Option(parsing: .unconditional, help: "The bank reference.") var reference: String
  @Flag(help: "Pay ahead of invoice and receipt (emergency orders only).") var prepayment = false

  func validate() throws { _ = try Parse.money(amount, flag: "--amount") }

  func run(on depot: Depot) throws {
    let payment = PaymentInput(
      order: order, amount: try Parse.money(amount, flag: "--amount"), reference: reference,
      prepayment: prepayment)
    try emit(try depot.pay(payment, global.context(posting)), text: renderPurchaseOrder)
  }
}

/// `depot period`: accounting periods.
struct PeriodCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "period", abstract: "Close accounting periods.", subcommands: [Close.self])

  struct Close: EngineCommand {
    static let configuration = CommandConfiguration(
      commandName: "close",
      abstract: "Close a month that has ended (finance).",
      discussion: """
        Afterwards no command may post with an effective date in or before that month.

        Example:
          depot period close 2026-11 --as sun
        """)

    @OptionGroup var global: GlobalOptions
    @OptionGroup var reference: ReferenceOption
    @Argument(help: "The month, YYYY-MM.") var period: String

    func run(on depot: Depot) throws {
      let closure = try depot.closePeriod(
        PeriodCloseInput(period: period), global.context(reference))
      try emit(closure) { closure in
        "Closed \(closure.period): nothing may be posted on or before \(closure.lastDay) any more"
      }
    }
  }
}
