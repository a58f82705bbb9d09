import ArgumentParser
import Inventory
import Output

/// `depot writeoff`: expired, damaged or recalled stock set aside for an approver.
struct WriteOffCommand: EngineCommand {
  static let configuration = CommandConfiguration(
    commandName: "writeoff",
    abstract: "Write off expired, damaged or recalled stock (clerk, signed; needs approval).",
    discussion: """
      The stock stays on hand but is no longer available. Once an approver signs it off \
      ('depot adjust approve'), it goes into a new waste batch (medicine: pharmaceutical; \
      disinfectants and equipment: chemical; others: infectious) that follows the waste \
      path, and reaches 'disposed' with the contractor's certificate.

      Example:
        depot writeoff --at WH-CENTRAL --item CAPS-XL --lot X1 --qty 40 \\
          --reason expired --as wang
        depot writeoff --at WH-CENTRAL --item THERMO-IR --serial IR-0002 \\
          --reason damaged --as wang
      """)

  @OptionGroup var global: GlobalOptions
  @OptionGroup var reference: ReferenceOption
  @Option(help: "The warehouse or site where the stock is.") var at: String
  @Option(help: "The item code.") var item: String
  @Option(parsing: .unconditional, help: "The lot (lot-tracked items).") var lot: String?
  @OptionGroup var serials: SerialOptions
  @Option(parsing: .unconditional, help: "The quantity: 40, 4box.") var qty: String?
  @Option(help: "The unit of --qty.") var unit: String?
  @Option(parsing: .unconditional, help: "expired, damaged or recalled.") var reason: String
  @Option(parsing: .unconditional, help: "A note.") var note: String?

  func validate() throws {
    _ = try Parse.quantity(qty, unit: unit, orSerials: try serials.all)
    let _: WriteOffReason = try Parse.choice(reason, flag: "--reason")
  }

  func run(on depot: Depot) throws {
    let request = WriteOffRequest(
      location: at, item: item, lot: lot, serials: try serials.all,
      quantity: try Parse.quantity(qty, unit: unit),
      reason: try Parse.choice(reason, flag: "--reason"), note: note)
    try emit(try depot.writeOff(request, global.context(reference)), text: renderAdjustment)
  }
}

/// `depot adjust`: an approver's decision on adjustments.
struct AdjustCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "adjust",
    abstract: "Approve or reject write-offs; list and show adjustments.",
    subcommands: [Approve.self, Reject.self, List.self, Show.self])

  struct Approve: EngineCommand {
    static let configuration = CommandConfiguration(
      commandName: "approve",
      abstract: "Approve a write-off into a new waste batch (approver, signed).",
      discussion: """
        Whoever wrote the stock off may not approve it. --date enters a decision taken on an \
        earlier day.

        Example:
          depot adjust approve ADJ-2026-000001 --as zhang
          depot adjust approve ADJ-2026-000002 --date 2026-11-28 --as zhang
        """)

    @OptionGroup var global: GlobalOptions
    @OptionGroup var decision: ApprovalOptions<Adjustments>

    func run(on depot: Depot) throws {
      try decide(.approve, decision, by: depot.decideAdjustment, text: renderAdjustment)
    }
  }

  struct Reject: EngineCommand {
    static let configuration = CommandConfiguration(
      commandName: "reject",
      abstract:
        "Reject a write-off with a reason; the stock is available again (approver, signed).",
      discussion: """
        Example:
          depot adjust reject ADJ-2026-000002 \\
            --reason "boxes are dry, stock is fine" --as zhang
        """)

    @OptionGroup var global: GlobalOptions
    @OptionGroup var decision: DecisionOptions<Adjustments>

    func run(on depot: Depot) throws {
      try decide(.reject, decision, by: depot.decideAdjustment, text: renderAdjustment)
    }
  }

  struct List: EngineCommand {
    static let configuration = CommandConfiguration(
      commandName: "list",
      abstract: "List adjustments, newest first.",
      discussion: "Example:\n  depot adjust list --state requested --as zhang")

    @OptionGroup var global: GlobalOptions
    @Option(help: "Only adjustments in this state: requested, approved, rejected.")
    var state: String?

    func validate() throws {
      _ = try Parse.state(state, of: [.adjustment])
    }

    func run(on depot: Depot) throws {
      let state = try Parse.state(state, of: [.adjustment])
      try emit(try depot.adjustments(state: state, as: global.actingUser)) { views in
        guard !views.isEmpty else { return "No adjustments." }
        var table = Table([
          .init("Adjustment"), .init("State"), .init("Kind"), .init("Reason"), .init("At"),
          .init("By"), .init("Origin"), .init("Lines"), .init("Batch"),
        ])
        for view in views {
          table.append([
            view.number, view.state, view.kind, view.reason, view.location, view.createdBy,
            view.origin ?? "",
            view.lines.map { "\($0.item) \($0.lot ?? "-") \($0.quantity) \($0.unit)" }
              .joined(separator: "; "),
            view.wasteBatch ?? "",
          ])
        }
        return table.render()
      }
    }
  }

  struct Show: EngineCommand {
    static let configuration = CommandConfiguration(
      commandName: "show",
      abstract: "Show an adjustment: its lots, its waste batch and its history.",
      discussion: "Example:\n  depot adjust show ADJ-2026-000001 --as zhang")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The adjustment number.") var number: String

    func run(on depot: Depot) throws {
      try emit(try depot.adjustment(number, as: global.actingUser), text: shownText)
    }
  }
}

/// An adjustment's header and lots.
func renderAdjustment(_ view: AdjustmentView) -> String {
  let kind = view.kind == "writeoff" ? "write-off" : view.kind
  var header =
    "\(view.number) \(view.state): \(kind) (\(view.reason)) at \(view.location) "
    + "by \(view.createdBy)"
  if let origin = view.origin { header += ", found on \(origin)" }
  if let batch = view.wasteBatch { header += "; into \(batch) (\(view.wasteCategory ?? "?"))" }
  if view.state == "requested" { header += "; awaiting 'depot adjust approve \(view.number)'" }
  return header + "\n" + (view.note.map { labelled("Note", $0) + "\n" } ?? "")
    + renderAdjustmentLines(view.lines)
}

/// An adjustment as `show` prints it: header, lots and history.
func shownText(_ view: AdjustmentView) -> String {
  renderAdjustment(view) + "\n\n" + renderHistory(view.history)
}

/// The lots of an adjustment or a write-off batch.
func renderAdjustmentLines(_ lines: [AdjustmentView.Line]) -> String {
  var table = Table([
    .init("Item"), .init("Name"), .init("Lot"), .init("Expiry"),
    .init("Quantity", alignRight: true), .init("Unit"),
  ])
  for line in lines {
    table.append([
      line.item, line.itemName, line.lot ?? "", line.expiry ?? "", String(line.quantity),
      line.unit,
    ])
  }
  return table.render()
}
