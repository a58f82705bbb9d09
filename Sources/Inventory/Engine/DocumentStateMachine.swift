import Foundation
import Ledger

/// The state machines of the documents (SPEC §4), one per kind: the states a new document
/// starts in, and for each state the states one step may take it to. A state that a step
/// may leave as it is (a second shipment, a recall that releases part of a reservation) lists
/// itself; a final state lists nothing. The engine changes a state only through
/// `Session.move`, which refuses any step that is not here.
extension DocumentKind {
  /// The states a new document of this kind may start in.
  public var initialStates: Set<DocumentState> {
    switch self {
    case .purchaseRequest, .issuanceRequest, .adjustment: [.requested]
    case .purchaseOrder: [.ordered]
    case .receipt, .donation, .transfer, .use, .stockReturn, .reversal: [.posted]
    case .count: [.pending, .closed]
    case .wasteBatch: [.awaitingCollection, .collected]
    case .wasteManifest: [.handedOver, .discrepancy]
    }
  }

  /// Every state of this kind and where one step may take a document in it.
  public var transitions: [DocumentState: Set<DocumentState>] {
    switch self {
    case .purchaseRequest:
      [
        .requested: [.approved, .rejected, .cancelled],
        .approved: [.approved, .ordered, .cancelled],
        .ordered: [], .rejected: [], .cancelled: [],
      ]
    case .purchaseOrder:
      [
        .ordered: [.partiallyReceived, .received, .cancelled],
        .partiallyReceived: [.partiallyReceived, .received, .closed, .ordered],
        .received: [.closed, .partiallyReceived, .ordered],
        .closed: [], .cancelled: [],
      ]
    case .issuanceRequest:
      [
        .requested: [.approved, .rejected, .cancelled],
        .approved: [.approved, .shipped, .cancelled, .closed],
        .shipped: [.shipped, .confirmed, .closed],
        .confirmed: [.confirmed, .shipped, .closed],
        .rejected: [], .cancelled: [], .closed: [],
      ]
    case .receipt, .donation, .transfer, .use, .stockReturn, .reversal:
      [.posted: []]
    case .count:
      [.pending: [.closed], .closed: []]
    case .adjustment:
      [.requested: [.approved, .rejected], .approved: [], .rejected: []]
    case .wasteBatch:
      [
        .awaitingCollection: [.collected],
        .collected: [.stored],
        .stored: [.handedOver],
        .handedOver: [.disposed],
        .disposed: [],
      ]
    case .wasteManifest:
      [.discrepancy: [.handedOver], .handedOver: [.disposed], .disposed: []]
    }
  }

  /// The states of this kind, in the order of `DocumentState.allCases`.
  public var states: [DocumentState] {
    let table = transitions
    return DocumentState.allCases.filter { table[$0] != nil }
  }

  /// Whether one step may take a document of this kind from `state` to `target`.
  public func allows(_ state: DocumentState, to target: DocumentState) -> Bool {
    transitions[state]?.contains(target) == true
  }

  /// Whether a document of this kind in `state` may still move on to another state.
  public func isOpen(_ state: DocumentState) -> Bool {
    !(transitions[state] ?? []).subtracting([state]).isEmpty
  }
}

extension DocumentState {
  /// How a document in this state reads after "it was" or "it cannot be": "shipped",
  /// "handed over"; a partial receipt reads "received against".
  var step: String {
    switch self {
    case .partiallyReceived: "received against"
    default: rawValue.replacingOccurrences(of: "-", with: " ")
    }
  }
}

extension Session {
  /// Takes `document` one step to `target` and records the event that says so, attributed
  /// to the actor now; refused unless its kind's state machine allows the step. A step that
  /// leaves the state as it is records the event and writes no state.
  @discardableResult
  func move(
    _ document: inout DocumentRecord, to target: DocumentState, action: String,
    reason: String? = nil, payload: Payload
  ) throws -> DocumentEventRecord {
    guard document.kind.allows(document.state, to: target) else {
      throw DepotError.transitionNotAllowed(
        document: document.number, from: document.state, to: target)
    }
    let event = try record(
      subject: document.number, action: action, document: document,
      from: document.state.rawValue, to: target.rawValue, reason: reason, payload: payload)
    if target != document.state {
      try transaction.setState(target, ofDocument: document.id)
      document.state = target
    }
    return event
  }

  /// Records the event that opened `document` in the state it was created in.
  @discardableResult
  func recordOpening(
    of document: DocumentRecord, action: String, reason: String? = nil, payload: Payload
  ) throws -> DocumentEventRecord {
    try record(
      subject: document.number, action: action, document: document,
      to: document.state.rawValue, reason: reason, payload: payload)
  }
}
