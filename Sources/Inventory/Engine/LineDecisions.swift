import Ledger
import Macros

/// An item turned down on a request, and why: `MASK-N95=not in the framework contract`.
@MemberwiseInit
public struct ItemDecline: Sendable, Equatable, Codable, CustomStringConvertible {
  public var item: String
  public var reason: String

  /// Parses `CODE=REASON`; nil without a code or a reason.
  public static func parse(_ text: String) -> ItemDecline? {
    let parts = text.split(separator: "=", maxSplits: 1).map(String.init)
    guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else { return nil }
    return ItemDecline(item: parts[0], reason: parts[1])
  }

  public var description: String { "\(item)=\(reason)" }
}

/// What an approver decides on a request's lines: how much of which items to approve (every
/// other item in full) and which items to decline, approving nothing more of them.
@MemberwiseInit
public struct LineChoices: Sendable, Equatable {
  public var items: [ItemAmount] = []
  public var declines: [ItemDecline] = []

  /// The choices as a retry must repeat them.
  var inputs: [(Field, String)] {
    items.map { (.item, $0.description) } + declines.map { (.decline, $0.description) }
  }
}

/// A line of a request that an approver decides on (SPEC §10): requested, approved, declined,
/// and the rest awaiting a decision.
protocol DecidedLine {
  var itemId: Int64 { get }
  var requestedQuantity: Int64 { get }
  var approved: Int64 { get set }
  var declined: Int64 { get set }
  var declineReason: String? { get set }
  var declinedOn: Day? { get set }
}

extension DecidedLine {
  /// Requested and neither approved nor declined yet.
  var undecided: Int64 { requestedQuantity - approved - declined }

  /// Declines what still awaits a decision, with `reason`, effective `day`; the payload entry
  /// that records it, or nil when nothing awaited.
  mutating func declineRest(_ reason: String, on day: Day, code: String) -> (String, String?)? {
    let rest = undecided
    guard rest > 0 else { return nil }
    declined += rest
    declineReason = reason
    declinedOn = day
    return ("declined", "\(code)=\(rest)")
  }
}

extension IssuanceLineRecord: DecidedLine {
  var requestedQuantity: Int64 { requested }
}

extension PurchaseRequestLineRecord: DecidedLine {
  var requestedQuantity: Int64 { quantity }
}

extension Session {
  /// Applies `choices` to the lines of `document` that await a decision: a named quantity is
  /// approved, an unnamed line in full, a declined line gets what is left declined with its
  /// reason. `approving` checks each quantity before it is approved (stock, floors). Refuses
  /// an item not on the document, one with nothing left to decide, more than awaits, and a
  /// decision that would decline everything and approve nothing. Returns the event's details.
  func decide<Line: DecidedLine>(
    _ lines: inout [Line], of document: DocumentRecord, _ choices: LineChoices,
    approving: (ItemRecord, Int64) throws -> Void
  ) throws -> [(String, String?)] {
    let amounts = try quantities(choices.items, field: .item)
    var declines: [(item: ItemRecord, reason: String)] = []
    for decline in choices.declines {
      let item = try item(decline.item)
      guard !declines.contains(where: { $0.item.id == item.id }) else {
        throw DepotError.invalidOption(field: .decline, reason: "names \(item.code) twice")
      }
      declines.append(
        (item, try Text.checked(decline.reason, field: .decline, maximumLength: 2000)))
    }
    for item in amounts.map(\.item) + declines.map(\.item)
    where !lines.contains(where: { $0.itemId == item.id }) {
      throw DepotError.notOnDocument(document: document.number, item: item.code)
    }
    guard lines.contains(where: { $0.undecided > 0 }) else {
      throw DepotError.nothingLeft(document: document.number, action: "decide")
    }
    var details: [(String, String?)] = []
    var approvedAny = false
    for index in lines.indices {
      let line = lines[index]
      let item = try item(id: line.itemId)
      let named = amounts.first { $0.item.id == item.id }?.quantity
      let decline = declines.first { $0.item.id == item.id }?.reason
      guard line.undecided > 0 else {
        if named != nil || decline != nil {
          throw DepotError.nothingAwaitingDecision(
            document: document.number, item: item.code, approved: line.approved,
            declined: line.declined)
        }
        continue
      }
      let approve = named ?? (decline == nil ? line.undecided : 0)
      guard approve <= line.undecided else {
        if line.undecided == line.requestedQuantity {
          throw DepotError.exceedsRequested(
            document: document.number, item: item.code, requested: line.requestedQuantity,
            asked: approve)
        }
        throw DepotError.exceedsAwaitingDecision(
          document: document.number, item: item.code, requested: line.requestedQuantity,
          awaiting: line.undecided, asked: approve)
      }
      if approve > 0 {
        try approving(item, approve)
        lines[index].approved += approve
        approvedAny = true
        details.append(("line", "\(item.code)=\(lines[index].approved)/\(line.requestedQuantity)"))
      }
      if let decline {
        guard let entry = lines[index].declineRest(decline, on: effectiveDate, code: item.code)
        else {
          throw DepotError.nothingAwaitingDecision(
            document: document.number, item: item.code, approved: lines[index].approved,
            declined: line.declined)
        }
        details += [entry, ("declineReason", decline)]
      }
    }
    guard approvedAny || lines.contains(where: { $0.approved > 0 || $0.undecided > 0 }) else {
      throw DepotError.everyLineDeclined(document: document.number)
    }
    return details
  }

  /// Declines what awaits a decision on every line, with `reason`: a rejection, a request
  /// closed, an order placed. Returns the event's details.
  func declineRest<Line: DecidedLine>(of lines: inout [Line], _ reason: String) throws
    -> [(String, String?)]
  {
    var details: [(String, String?)] = []
    for index in lines.indices {
      let code = try item(id: lines[index].itemId).code
      if let entry = lines[index].declineRest(reason, on: effectiveDate, code: code) {
        details.append(entry)
      }
    }
    return details
  }
}
