import ArgumentParser
import Inventory
import Ledger

/// `depot inbox`: what waits for the acting user, and the command that acts on each.
struct InboxCommand: EngineCommand {
  static let configuration = CommandConfiguration(
    commandName: "inbox",
    abstract: "What waits on your roles, oldest first, with the command that acts on each.",
    discussion: """
      Approvers: requests, purchase requests and adjustments others made, reservations that \
      usable stock no longer covers, manifests in discrepancy. Clerks: requests to ship, \
      waste batches 40 hours or more old and not handed over, reserves below their floor, \
      lots that expire within 60 days or have expired. Requesters: shipments to confirm at \
      their sites. Times are the office's.

      Example:
        depot inbox --as zhang
        depot inbox --json --as wang
      """)

  @OptionGroup var global: GlobalOptions

  func run(on depot: Depot) throws {
    let inbox = try depot.inbox(as: global.actingUser)
    let lines = InboxLines(
      user: inbox.user, entries: inbox.entries.map { InboxLine($0, user: inbox.user) })
    try emit(lines) { lines in
      guard !lines.entries.isEmpty else { return "Nothing waits for you." }
      return "Waiting for \(lines.user), oldest first:\n"
        + lines.entries.map { "\($0.entry.since.local)  \($0.what)\n  \($0.command)" }
        .joined(separator: "\n")
    }
  }
}

/// The inbox as printed: each entry with what it is and the command that acts on it.
struct InboxLines: Encodable {
  var user: String
  var entries: [InboxLine]
}

/// One entry, said for people, with the command that acts on it.
struct InboxLine: Encodable {
  var entry: InboxEntry
  var what: String
  var command: String

  private enum CodingKeys: String, CodingKey { case what, command }

  init(_ entry: InboxEntry, user: String) {
    self.entry = entry
    let (what, command) = Self.said(entry)
    self.what = what
    self.command = command + " --as " + (user.contains(" ") ? "\"\(user)\"" : user)
  }

  func encode(to encoder: any Encoder) throws {
    try entry.encode(to: encoder)
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(what, forKey: .what)
    try container.encode(command, forKey: .command)
  }

  /// What the entry is, and the command without `--as`.
  private static func said(_ entry: InboxEntry) -> (String, String) {
    let document = entry.document ?? ""
    let item = entry.item ?? ""
    let place = entry.location ?? ""
    let amount = "\(entry.quantity ?? 0) \(entry.unit ?? "")"
    let lot = entry.lot.map { " lot \($0)" } ?? ""
    switch entry.task {
    case .decideRequest:
      return (
        "Request \(document) for \(place) awaits your decision",
        "depot issue approve \(document)"
      )
    case .decidePurchase:
      return (
        "Purchase request \(document) awaits your decision", "depot procure approve \(document)"
      )
    case .decideAdjustment:
      return (
        "Adjustment \(document) at \(place) awaits your decision",
        "depot adjust approve \(document)"
      )
    case .repointReservation:
      return (
        "\(document): \(amount) \(item) reserved at \(place) no longer covered by usable stock",
        "depot issue repoint \(document) --item \(item)"
      )
    case .restock:
      return (
        "\(item) \(entry.itemName ?? "") at \(place) is \(amount) below its floor",
        "depot report reorder --create"
      )
    case .resolveManifest:
      return (
        "Manifest \(document) differs from its batches (discrepancy)",
        "depot waste resolve \(document) --reason REASON"
      )
    case .ship:
      return (
        "Request \(document) from \(place) is approved, to ship", "depot issue ship \(document)"
      )
    case .moveWaste:
      let deadline = entry.due.map { " by \($0.local)" } ?? ""
      let when = entry.overdue ? "was due\(deadline): overdue" : "is due\(deadline)"
      return (
        "Waste batch \(document) at \(place) (\(entry.state ?? "")) \(when)", wasteStep(entry)
      )
    case .useBeforeExpiry:
      return (
        "\(amount) \(item)\(lot) at \(place) expire on \(entry.expiry?.description ?? "")",
        "depot report expiring"
      )
    case .writeOffExpired:
      return (
        "\(amount) \(item)\(lot) at \(place) expired on \(entry.expiry?.description ?? "")",
        "depot writeoff --at \(place) --item \(item)"
          + (entry.lot.map { " --lot \($0)" } ?? "")
          + " --qty \(entry.quantity ?? 0) --reason expired"
      )
    case .confirm:
      return (
        "Shipment \(document) to \(place) awaits your confirmation",
        "depot issue confirm \(document)"
      )
    }
  }

  /// The next step of a waste batch that is not handed over yet.
  private static func wasteStep(_ entry: InboxEntry) -> String {
    let batch = entry.document ?? ""
    switch entry.state.flatMap(DocumentState.init(rawValue:)) {
    case .awaitingCollection: return "depot waste collect \(batch) --containers N --weight KG"
    case .collected: return "depot waste store \(batch) --at WASTE-POINT"
    default:
      return "depot waste handover \(batch) --contractor CODE --manifest NUMBER --weight KG "
        + "--containers N --driver NAME --vehicle PLATE"
    }
  }
}
