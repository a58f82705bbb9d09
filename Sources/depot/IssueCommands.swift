import ArgumentParser
import Inventory
import Output

/// `depot issue`: issuance requests from sites, from request to confirmation.
struct IssueCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "issue",
    abstract: "Request, approve, ship and confirm supplies for frontline sites.",
    subcommands: [
      Request.self, Approve.self, Reject.self, Ship.self, Confirm.self, Close.self, Cancel.self,
      Show.self, List.self, Repoint.self,
    ])

  struct Request: EngineCommand {
    static let configuration = CommandConfiguration(
      commandName: "request",
      abstract: "Ask a warehouse for supplies for your site (requester).",
      discussion: """
        Example:
          depot issue request --from WH-CENTRAL --to SITE-CP3 \\
            --item MASK-SURG=2000 --item GLOVE-NITRILE=10box --priority urgent \\
            --needed-by 2026-12-01 --note "夜班卡口" --as li
        """)

    @OptionGroup var global: GlobalOptions
    @OptionGroup var posting: PostingOptions
    @Option(help: "The warehouse to issue from.") var from: String
    @Option(help: "Your site.") var to: String
    @Option(help: "CODE=QTY, e.g. MASK-SURG=2000 or MASK-SURG=4box (repeatable).")
    var item: [String] = []
    @Option(help: "urgent, high or normal.") var priority = "normal"
    @Option(help: "The day the site needs it, YYYY-MM-DD.") var neededBy: String?
    @Option(parsing: .unconditional, help: "A note.") var note: String?

    func validate() throws {
      _ = try Parse.requestedItems(item)
      let _: Priority = try Parse.choice(priority, flag: "--priority")
      _ = try Parse.day(neededBy, flag: "--needed-by")
    }

    func run(on depot: Depot) throws {
      let request = IssueRequest(
        source: from, site: to, items: try Parse.requestedItems(item),
        priority: try Parse.choice(priority, flag: "--priority"),
        neededBy: try Parse.day(neededBy, flag: "--needed-by"), note: note)
      try emit(try depot.requestIssue(request, global.context(posting)), text: renderIssuance)
    }
  }

  struct Approve: EngineCommand {
    static let configuration = CommandConfiguration(
      commandName: "approve",
      abstract: "Approve a request in full or in part, reserving the stock (approver, signed).",
      discussion: """
        Lines not named are approved in full. --item approves part of a line and leaves the \
        rest awaiting a decision; --decline turns down what of a line is not approved. A later \
        approve approves more, up to what was requested, while the request is open; close \
        declines the rest. Below a reserve warehouse's floor, approval needs --override-floor \
        with a --reason. --date enters a decision taken on an earlier day.

        Example:
          depot issue approve REQ-2026-000001 --item MASK-SURG=1500 \\
            --decline GLOVE-NITRILE="site stock covers it" --as zhang
          depot issue approve REQ-2026-000001 --item MASK-SURG=500 --as zhang
          depot issue approve REQ-2026-000004 --date 2026-12-01 --as zhang
        """)

    @OptionGroup var global: GlobalOptions
    @OptionGroup var posting: PostingOptions
    @Argument(help: "The request number.") var number: String
    @OptionGroup var lines: LineDecisionOptions
    @Flag(help: "Approve even below the reserve floor.") var overrideFloor = false
    @Option(parsing: .unconditional, help: "Why (required with --override-floor).")
    var reason: String?

    func validate() throws {
      if overrideFloor && reason == nil {
        throw ValidationError("'--override-floor' needs a '--reason'")
      }
    }

    func run(on depot: Depot) throws {
      let choices = try lines.choices
      let approval = IssueApproval(
        number: number, items: choices.items, declines: choices.declines,
        overrideFloor: overrideFloor, reason: reason)
      try emit(try depot.approveIssue(approval, global.context(posting)), text: renderIssuance)
    }
  }

  struct Reject: EngineCommand {
    static let configuration = CommandConfiguration(
      commandName: "reject",
      abstract: "Reject a request with a reason (approver, signed).",
      discussion: """
        Every line is declined with the reason. --date enters a decision taken on an earlier day.

        Example:
          depot issue reject REQ-2026-000002 --reason "duplicate" --as zhang
        """)

    @OptionGroup var global: GlobalOptions
    @OptionGroup var decision: DecisionOptions<IssueRequests>

    func run(on depot: Depot) throws {
      try decide(.reject, decision, by: depot.decideIssue, text: renderIssuance)
    }
  }

  struct Cancel: EngineCommand {
    static let configuration = CommandConfiguration(
      commandName: "cancel",
      abstract: "Cancel a request before shipping, releasing its reservation (approver, signed).",
      discussion:
        "Example:\n  depot issue cancel REQ-2026-000003 --reason \"site closed\" --as zhang")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var decision: DecisionOptions<IssueRequests>

    func run(on depot: Depot) throws {
      try decide(.cancel, decision, by: depot.decideIssue, text: renderIssuance)
    }
  }

  struct Close: EngineCommand {
    static let configuration = CommandConfiguration(
      commandName: "close",
      abstract: "Close a request, releasing what is still reserved (approver, signed).",
      discussion: """
        Example:
          depot issue close REQ-2026-000001 --reason "site has enough" \\
            --as zhang
        """)

    @OptionGroup var global: GlobalOptions
    @OptionGroup var decision: DecisionOptions<IssueRequests>

    func run(on depot: Depot) throws {
      try decide(.close, decision, by: depot.decideIssue, text: renderIssuance)
    }
  }

  struct Ship: EngineCommand {
    static let configuration = CommandConfiguration(
      commandName: "ship",
      abstract: "Ship approved stock first-expiry-first-out into transit (clerk).",
      discussion: """
        Without --item, ships everything approved and not yet shipped.

        Example:
          depot issue ship REQ-2026-000001 --item MASK-SURG=1000 --as wang
        """)

    @OptionGroup var global: GlobalOptions
    @OptionGroup var posting: PostingOptions
    @Argument(help: "The request number.") var number: String
    @Option(help: "CODE=QTY to ship part of the approval (repeatable).") var item: [String] = []

    func validate() throws { _ = try Parse.itemAmounts(item, flag: "--item") }

    func run(on depot: Depot) throws {
      let shipment = IssueShipment(
        number: number, items: try Parse.itemAmounts(item, flag: "--item"))
      try emit(try depot.shipIssue(shipment, global.context(posting)), text: renderIssuance)
    }
  }

  struct Confirm: EngineCommand {
    static let configuration = CommandConfiguration(
      commandName: "confirm",
      abstract: "Confirm what arrived at your site (requester).",
      discussion: """
        By default everything in transit arrived intact. --received counts what arrived \
        intact, --damaged what arrived damaged (it is written off); the rest is missing.

        Example:
          depot issue confirm REQ-2026-000001 --received MASK-SURG=990 \\
            --damaged MASK-SURG=5 --note "5 boxes wet" --as li
        """)

    @OptionGroup var global: GlobalOptions
    @OptionGroup var posting: PostingOptions
    @Argument(help: "The request number.") var number: String
    @Option(help: "CODE=QTY that arrived intact (repeatable).") var received: [String] = []
    @Option(help: "CODE=QTY that arrived damaged (repeatable).") var damaged: [String] = []
    @Option(parsing: .unconditional, help: "A note.") var note: String?

    func validate() throws {
      _ = try Parse.itemAmounts(received, flag: "--received")
      _ = try Parse.itemAmounts(damaged, flag: "--damaged")
    }

    func run(on depot: Depot) throws {
      let confirmation = IssueConfirmation(
        number: number, received: try Parse.itemAmounts(received, flag: "--received"),
        damaged: try Parse.itemAmounts(damaged, flag: "--damaged"), note: note)
      try emit(try depot.confirmIssue(confirmation, global.context(posting)), text: renderIssuance)
    }
  }

  struct Show: EngineCommand {
    static let configuration = CommandConfiguration(
      commandName: "show",
      abstract: "Show a request: its lines, the lots shipped, discrepancies and history.",
      discussion: "Example:\n  depot issue show REQ-2026-000001 --as zhang")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The request number.") var number: String

    func run(on depot: Depot) throws {
      try emit(try depot.issuance(number, as: global.actingUser), text: shownText)
    }
  }

  struct List: EngineCommand {
    static let configuration = CommandConfiguration(
      commandName: "list",
      abstract: "List requests, newest first.",
      discussion: "Example:\n  depot issue list --state approved --priority urgent --as wang")

    @OptionGroup var global: GlobalOptions
    @Option(help: "Only requests in this state.") var state: String?
    @Option(help: "Only requests for this site.") var site: String?
    @Option(help: "Only this priority.") var priority: String?

    func validate() throws {
      let _: Priority? = try Parse.choice(priority, flag: "--priority")
      _ = try Parse.state(state, of: [.issuanceRequest])
    }

    func run(on depot: Depot) throws {
      let filter = IssuanceFilter(
        state: try Parse.state(state, of: [.issuanceRequest]), site: site,
        priority: try Parse.choice(priority, flag: "--priority"))
      try emit(try depot.issuances(filter, as: global.actingUser)) { listings in
        guard !listings.isEmpty else { return "No requests." }
        var table = Table([
          .init("Request"), .init("State"), .init("Priority"), .init("From"), .init("Site"),
          .init("Requester"), .init("Requested"), .init("Needed by"),
        ])
        for listing in listings {
          table.append([
            listing.number, listing.state, listing.priority, listing.source, listing.site,
            listing.requester, listing.requestedAt.local, listing.neededBy ?? "",
          ])
        }
        return table.render()
      }
    }
  }
}

/// A request's header and lines.
func renderIssuance(_ view: IssuanceView) -> String {
  var table = Table([
    .init("Item"), .init("Name"), .init("Requested", alignRight: true),
    .init("Approved", alignRight: true), .init("Shipped", alignRight: true),
    .init("Received", alignRight: true), .init("Damaged", alignRight: true),
    .init("Missing", alignRight: true), .init("Reserved", alignRight: true),
    .init("Declined", alignRight: true), .init("Awaiting", alignRight: true), .init("Unit"),
  ])
  for line in view.lines {
    table.append(
      [line.item, line.itemName]
        + [
          line.requested, line.approved, line.shipped, line.received, line.damaged, line.missing,
          line.reserved, line.declined, line.awaitingDecision,
        ].map(String.init) + [line.unit])
  }
  let needed = view.neededBy.map { ", needed by \($0)" } ?? ""
  return "\(view.number) \(view.state): \(view.priority) from \(view.source) to \(view.site) "
    + "for \(view.requester)\(needed)\n" + table.render()
    + renderDeclines(view.lines.map { ($0.item, $0.declined, $0.unit, $0.declineReason) })
    + (view.writeOffs.isEmpty
      ? "" : "\nDamaged goods await write-off approval: " + view.writeOffs.joined(separator: ", "))
}

/// A request as `show` prints it: header, lines, shipments, discrepancies and history.
func shownText(_ view: IssuanceView) -> String {
  renderIssuance(view) + "\n" + renderDetails(view)
}

/// A request's note, shipments, discrepancies and history.
private func renderDetails(_ view: IssuanceView) -> String {
  var parts: [String] = view.note.map { [labelled("Note", $0)] } ?? []
  if !view.shipments.isEmpty {
    var table = Table([
      .init("Shipped"), .init("Item"), .init("Lot"), .init("Expiry"),
      .init("Quantity", alignRight: true), .init("Value", alignRight: true),
    ])
    for shipment in view.shipments {
      table.append([
        shipment.date, shipment.item, shipment.lot ?? "", shipment.expiry ?? "",
        String(shipment.quantity), shipment.value,
      ])
    }
    parts.append(table.render())
  }
  if !view.discrepancies.isEmpty {
    parts.append("Discrepancies:\n" + view.discrepancies.map { "  \($0)" }.joined(separator: "\n"))
  }
  if let override = view.floorOverride { parts.append("Reserve floor overridden: \(override)") }
  parts.append(renderHistory(view.history))
  return parts.joined(separator: "\n\n")
}
