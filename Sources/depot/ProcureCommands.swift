import ArgumentParser
import Inventory
import Ledger
import Output

/// `depot procure`: purchase requests and orders.
struct ProcureCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "procure",
    abstract: "Request, approve and order purchases; short-close or cancel orders.",
    subcommands: [
      Request.self, Approve.self, Reject.self, Order.self, Close.self, Cancel.self, Show.self,
      List.self,
    ])

  struct Request: EngineCommand {
    static let configuration = CommandConfiguration(
      commandName: "request",
      abstract: "Ask for goods to be bought (requester or clerk).",
      discussion: """
        Example:
          depot procure request --item MASK-N95=20000 --item GOGGLES=500 \\
            --reason "N95 reserve below floor" --needed-by 2026-12-10 --as li
        """)

    @OptionGroup var global: GlobalOptions
    @OptionGroup var posting: PostingOptions
    @Option(help: "CODE=QTY, e.g. MASK-N95=20000 or MASK-SURG=4carton (repeatable).")
    var item: [String] = []
    @Option(parsing: .unconditional, help: "Why the goods are needed.") var reason: String
    @Option(help: "The day they are needed, YYYY-MM-DD.") var neededBy: String?
    @Option(parsing: .unconditional, help: "A note.") var note: String?

    func validate() throws {
      _ = try Parse.requestedItems(item)
      _ = try Parse.day(neededBy, flag: "--needed-by")
    }

    func run(on depot: Depot) throws {
      let request = PurchaseRequestInput(
        items: try Parse.requestedItems(item), reason: reason,
        neededBy: try Parse.day(neededBy, flag: "--needed-by"), note: note)
      try emit(
        try depot.requestPurchase(request, global.context(posting)), text: renderPurchaseRequest)
    }
  }

  struct Approve: EngineCommand {
    static let configuration = CommandConfiguration(
      commandName: "approve",
      abstract: "Approve a purchase request in full or in part (approver, signed; not your own).",
      discussion: """
        Lines not named are approved in full. --item approves part of a line and leaves the \
        rest awaiting a decision; --decline turns down what of a line is not approved. A later \
        approve approves more until the request is ordered; what still awaits a decision then \
        is declined. --date enters a decision taken on an earlier day.

        Example:
          depot procure approve PR-2026-000001 --item MASK-N95=10000 \\
            --decline GOGGLES="donation covers it" --as zhang
        """)

    @OptionGroup var global: GlobalOptions
    @OptionGroup var decision: ApprovalOptions<PurchaseRequests>
    @OptionGroup var lines: LineDecisionOptions

    func run(on depot: Depot) throws {
      let choices = try lines.choices
      let approval = PurchaseApproval(
        number: decision.number, items: choices.items, declines: choices.declines,
        reason: decision.reason)
      try emit(
        try depot.approvePurchase(approval, global.context(decision.posting)),
        text: renderPurchaseRequest)
    }
  }

  struct Reject: EngineCommand {
    static let configuration = CommandConfiguration(
      commandName: "reject",
      abstract: "Reject a purchase request with a reason (approver, signed).",
      discussion: """
        Example:
          depot procure reject PR-2026-000002 \\
            --reason "covered by the Red Cross donation" --as zhang
        """)

    @OptionGroup var global: GlobalOptions
    @OptionGroup var decision: DecisionOptions<PurchaseRequests>

    func run(on depot: Depot) throws {
      try decide(.reject, decision, by: depot.decidePurchase, text: renderPurchaseRequest)
    }
  }

  struct Order: EngineCommand {
    static let configuration = CommandConfiguration(
      commandName: "order",
      abstract: "Order an approved request from a supplier (approver; emergency orders signed).",
      discussion: """
        Every requested item needs a price, tax included: CODE=AMOUNT per base unit or \
        CODE=AMOUNT/PACK per pack. --emergency --justification places a green-channel order, \
        which is signed and may be prepaid.

        Example:
          depot procure order PR-2026-000001 --supplier SUP-JX \\
            --price MASK-N95=3.20 --price GOGGLES=150.00/box \\
            --contract FC-2026-07 --as zhang
          depot procure order PR-2026-000002 --supplier SUP-PH \\
            --price MASK-N95=3.50 --emergency \\
            --justification "outbreak at CP3; framework stock exhausted" \\
            --as zhang
        """)

    @OptionGroup var global: GlobalOptions
    @OptionGroup var posting: PostingOptions
    @Argument(help: "The approved request.") var request: String
    @Option(help: "The supplier.") var supplier: String
    @Option(help: "CODE=AMOUNT or CODE=AMOUNT/PACK, tax included (repeatable).")
    var price: [String] = []
    @Option(help: "The framework contract ordered under.") var contract: String?
    @Flag(help: "A green-channel order (signed).") var emergency = false
    @Option(parsing: .unconditional, help: "Why the green channel (with --emergency).")
    var justification: String?

    func validate() throws {
      guard !price.isEmpty else { throw ValidationError("'--price' is required: CODE=AMOUNT") }
      _ = try prices()
      try Parse.together(("--emergency", emergency), ("--justification", justification != nil))
    }

    func prices() throws -> [ItemPrice] {
      try price.map { text in
        guard let parsed = ItemPrice.parse(text) else {
          throw ValidationError(
            "'--price' must be CODE=AMOUNT or CODE=AMOUNT/PACK in yuan, like MASK-N95=3.20 or "
              + "GOGGLES=150.00/box (got '\(text)')")
        }
        return parsed
      }
    }

    func run(on depot: Depot) throws {
      let order = PurchaseOrderInput(
        request: request, supplier: supplier, prices: try prices(), contract: contract,
        emergencyJustification: emergency ? justification : nil)
      try emit(try depot.placeOrder(order, global.context(posting)), text: renderPurchaseOrder)
    }
  }

  struct Close: EngineCommand {
    static let configuration = CommandConfiguration(
      commandName: "close",
      abstract: "Short-close an order whose rest will not come (approver, signed).",
      discussion: """
        Example:
          depot procure close PO-2026-000001 \\
            --reason "supplier cannot deliver the rest" --as zhang
        """)

    @OptionGroup var global: GlobalOptions
    @OptionGroup var decision: DecisionOptions<PurchaseOrders>

    func run(on depot: Depot) throws {
      try decide(.close, decision, by: depot.decideOrder, text: renderPurchaseOrder)
    }
  }

  struct Cancel: EngineCommand {
    static let configuration = CommandConfiguration(
      commandName: "cancel",
      abstract: "Cancel a request, or an order before anything arrived (approver, signed).",
      discussion: """
        Example:
          depot procure cancel PO-2026-000003 --reason "duplicate order" \\
            --as zhang
        """)

    @OptionGroup var global: GlobalOptions
    @OptionGroup var decision: DecisionOptions<PurchaseRequestsOrOrders>

    func run(on depot: Depot) throws {
      if DocumentKind(numbered: decision.number) == .purchaseOrder {
        try decide(.cancel, decision, by: depot.decideOrder, text: renderPurchaseOrder)
      } else {
        try decide(.cancel, decision, by: depot.decidePurchase, text: renderPurchaseRequest)
      }
    }
  }

  struct Show: EngineCommand {
    static let configuration = CommandConfiguration(
      commandName: "show",
      abstract: "Show a request, or an order with its receipts, invoices, payments and history.",
      discussion: "Example:\n  depot procure show PO-2026-000001 --as sun")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The request or order number.") var number: String

    func run(on depot: Depot) throws {
      try emit(try depot.procurement(number, as: global.actingUser), text: shownText)
    }
  }

  struct List: EngineCommand {
    static let configuration = CommandConfiguration(
      commandName: "list",
      abstract: "List requests and orders, newest first.",
      discussion: """
        --state open keeps those still under way; any other state keeps those in it.

        Example:
          depot procure list --state open --as zhang
        """)

    @OptionGroup var global: GlobalOptions
    @Option(help: "open, or a state such as requested, ordered, partially received, closed.")
    var state: String?

    /// `--state` as the engine takes it: `open`, or one state of a request or an order.
    var filter: ProcurementFilter? {
      get throws {
        try state.map { text in
          text == "open"
            ? .open
            : .only(try Parse.state(text, of: [.purchaseRequest, .purchaseOrder], or: ["open"]))
        }
      }
    }

    func validate() throws { _ = try filter }

    func run(on depot: Depot) throws {
      try emit(try depot.procurements(state: filter, as: global.actingUser)) { listings in
        guard !listings.isEmpty else { return "No requests or orders." }
        var table = Table([
          .init("Number"), .init("State"), .init("Date"), .init("By"), .init("Supplier"),
          .init("Channel"),
        ])
        for listing in listings {
          table.append([
            listing.number, listing.state, listing.date, listing.by, listing.supplier ?? "",
            listing.emergency ? "emergency" : "",
          ])
        }
        return table.render()
      }
    }
  }
}

/// A purchase request's header and lines.
func renderPurchaseRequest(_ view: PurchaseRequestView) -> String {
  var table = Table([
    .init("Item"), .init("Name"), .init("Requested", alignRight: true),
    .init("Approved", alignRight: true), .init("Declined", alignRight: true),
    .init("Awaiting", alignRight: true), .init("Unit"),
  ])
  for line in view.lines {
    table.append(
      [line.item, line.itemName]
        + [line.quantity, line.approved, line.declined, line.awaitingDecision].map(String.init)
        + [line.unit])
  }
  let needed = view.neededBy.map { ", needed by \($0)" } ?? ""
  let order = view.order.map { ", ordered as \($0)" } ?? ""
  return "\(view.number) \(view.state): requested by \(view.requester)\(needed)\(order)\n"
    + labelled("Reason", view.reason) + "\n"
    + (view.note.map { labelled("Note", $0) + "\n" } ?? "") + table.render()
    + renderDeclines(view.lines.map { ($0.item, $0.declined, $0.unit, $0.declineReason) })
}

/// A purchase order's header, lines and money.
func renderPurchaseOrder(_ view: PurchaseOrderView) -> String {
  var table = Table([
    .init("Item"), .init("Name"), .init("Ordered", alignRight: true),
    .init("Received", alignRight: true), .init("Rejected", alignRight: true),
    .init("Outstanding", alignRight: true), .init("Unit"), .init("Price", alignRight: true),
    .init("Value", alignRight: true),
  ])
  for line in view.lines {
    table.append(
      [line.item, line.itemName]
        + [line.ordered, line.received, line.rejected, line.outstanding].map(String.init)
        + [line.unit, line.price, line.orderedValue])
  }
  var header =
    "\(view.number) \(view.state): from \(view.supplier) \(view.supplierName), "
    + "for \(view.request)"
  if let contract = view.contract { header += ", contract \(contract)" }
  if view.emergency { header += "\n" + labelled("Emergency", view.justification ?? "") }
  let totals = view.totals
  var money =
    "Ordered \(totals.ordered), received \(totals.received), invoiced \(totals.invoiced), "
    + "paid \(totals.paid); received not invoiced \(totals.receivedNotInvoiced), "
    + "invoiced not paid \(totals.invoicedNotPaid)"
  if totals.advance != "0.00" { money += ", advance \(totals.advance)" }
  if let flag = view.flag { money += "\nFlag: \(flag)" }
  return header + "\n" + table.render() + "\n" + money
}

/// An order's receipts, rejections, invoices, payments and history.
/// A request, or an order with its details, as `show` prints it.
func shownText(_ document: ProcurementDocument) -> String {
  switch document {
  case .request(let view): renderPurchaseRequest(view) + "\n\n" + renderHistory(view.history)
  case .order(let view): renderPurchaseOrder(view) + "\n" + renderOrderDetails(view)
  }
}

private func renderOrderDetails(_ view: PurchaseOrderView) -> String {
  var parts: [String] = []
  if !view.receipts.isEmpty {
    var table = Table([
      .init("Receipt"), .init("Date"), .init("Item"), .init("Lot"), .init("Expiry"),
      .init("Quantity", alignRight: true), .init("Value", alignRight: true),
    ])
    for receipt in view.receipts {
      table.append([
        receipt.document, receipt.date, receipt.item, receipt.lot ?? "", receipt.expiry ?? "",
        String(receipt.quantity), receipt.value,
      ])
    }
    parts.append(table.render())
  }
  if !view.rejections.isEmpty {
    parts.append(
      "Rejected at inspection:\n"
        + view.rejections.map { rejection in
          "  \(rejection.document) \(rejection.quantity) \(rejection.item)"
            + (rejection.lot.map { " of lot \($0)" } ?? "") + ": \(rejection.reason)"
        }.joined(separator: "\n"))
  }
  if !view.invoices.isEmpty || !view.payments.isEmpty {
    var table = Table([
      .init("Money"), .init("Date"), .init("Number or reference"),
      .init("Amount", alignRight: true),
    ])
    for invoice in view.invoices {
      table.append(["invoice", invoice.date, invoice.number, invoice.amount])
    }
    for payment in view.payments {
      table.append([
        payment.prepayment ? "prepayment" : "payment", payment.date, payment.reference,
        payment.amount,
      ])
    }
    parts.append(table.render())
  }
  parts.append(renderHistory(view.history))
  return parts.joined(separator: "\n\n")
}
