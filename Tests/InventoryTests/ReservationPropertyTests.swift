import PropertyBased
import Testing

@testable import Inventory

/// Random requests, approvals, shipments, confirmations, cancels and closes against a model
/// of one warehouse kept apart from the engine: every step the model refuses is refused with
/// exactly the refusal it expects, the engine's available never goes negative, and its on
/// hand, reserved and available equal the model's after every step.
@Suite struct ReservationPropertyTests {
  enum Action: Int, CaseIterable, Sendable {
    case receive, request, approve, ship, confirm, cancel, close
  }

  struct Step: Sendable, CustomStringConvertible {
    var action: Action
    var target: Int
    var quantity: Int64
    var description: String { "\(action) #\(target) \(quantity)" }
  }

  struct Request {
    var requested: Int64
    var approved: Int64 = 0
    var shipped: Int64 = 0
    var confirmed: Int64 = 0
    var released: Int64 = 0
    var declined: Int64 = 0
    var state = "requested"
    var reserved: Int64 { approved - shipped - released }
    /// Neither approved nor declined yet: a later approval may approve it (SPEC §10).
    var undecided: Int64 { requested - approved - declined }
  }

  static let step = zip(
    Gen.int(in: 0...6), Gen.int(in: 0...5), Gen.int64(in: 1...80)
  ).map { Step(action: Action(rawValue: $0)!, target: $1, quantity: $2) }

  @Test func reservationsMatchTheModelAfterEveryStep() async {
    await checkStepSequences(count: 25, Self.step.array(of: 1...40), Self.run)
  }

  static func run(_ steps: [Step]) throws {
    let office = try TestOffice()
    var onHand: Int64 = 0
    var requests: [Request] = []
    func number(_ index: Int) -> String {
      "REQ-2026-" + String(repeating: "0", count: 6 - String(index + 1).count) + String(index + 1)
    }
    for step in steps {
      let index = requests.isEmpty ? 0 : step.target % requests.count
      let reservedTotal = requests.reduce(0) { $0 + ($1.state.isOpen ? $1.reserved : 0) }
      switch step.action {
      case .receive:
        try office.receive("GLOVE", step.quantity)
        onHand += step.quantity
      case .request:
        try office.request([("GLOVE", step.quantity)])
        requests.append(Request(requested: step.quantity))
      case .approve where !requests.isEmpty:
        let amount = Swift.min(step.quantity, requests[index].undecided)
        let state = requests[index].state
        let free = onHand - reservedTotal
        let refusal: DepotError? =
          state != "requested" && !state.isOpen
          ? .wrongState(document: number(index), state: state, action: "approved")
          : amount == 0
            ? .nothingLeft(document: number(index), action: "decide")
            : free < amount
              ? .insufficientStock(
                item: "GLOVE", location: "WH-CENTRAL", available: free, requested: amount)
              : nil
        expect(refusal, step) {
          try office.approve(number(index), [("GLOVE", Swift.max(amount, 1))])
        }
        if refusal == nil {
          requests[index].approved += amount
          if state == "requested" { requests[index].state = "approved" }
        }
      case .ship where !requests.isEmpty:
        let request = requests[index]
        let amount = Swift.min(step.quantity, request.reserved)
        let refusal: DepotError? =
          !request.state.isOpen
          ? .wrongState(document: number(index), state: request.state, action: "shipped")
          : amount == 0 ? .nothingLeft(document: number(index), action: "ship") : nil
        expect(refusal, step) { try office.ship(number(index), [("GLOVE", amount)]) }
        if refusal == nil {
          requests[index].shipped += amount
          requests[index].state = "shipped"
          onHand -= amount
        }
      case .confirm where !requests.isEmpty:
        let state = requests[index].state
        let refusal: DepotError? =
          state == "shipped"
          ? nil : .wrongState(document: number(index), state: state, action: "confirmed")
        expect(refusal, step) { try office.confirm(number(index)) }
        if refusal == nil {
          requests[index].confirmed = requests[index].shipped
          let done = requests[index].reserved == 0 && requests[index].undecided == 0
          requests[index].state = done ? "closed" : "confirmed"
        }
      case .cancel where !requests.isEmpty, .close where !requests.isEmpty:
        let isCancel = step.action == .cancel
        let state = requests[index].state
        let inTransit = requests[index].shipped - requests[index].confirmed
        let refusal: DepotError? =
          isCancel
          ? (["requested", "approved"].contains(state)
            ? nil : .wrongState(document: number(index), state: state, action: "cancelled"))
          : !state.isOpen
            ? .wrongState(document: number(index), state: state, action: "closed")
            : inTransit > 0
              ? .stillInTransit(document: number(index), item: "GLOVE", quantity: inTransit)
              : nil
        expect(refusal, step) { try office.decide(isCancel ? .cancel : .close, number(index)) }
        if refusal == nil {
          requests[index].released += requests[index].reserved
          if !isCancel { requests[index].declined += requests[index].undecided }
          requests[index].state = isCancel ? "cancelled" : "closed"
        }
      default:
        continue
      }
      let reserved = requests.reduce(0) { $0 + ($1.state.isOpen ? $1.reserved : 0) }
      let row = try office.depot.stock(
        StockQuery(location: "WH-CENTRAL", item: "GLOVE"), as: "audit"
      ).first
      #expect((row?.onHand ?? 0) == onHand, "after \(step)")
      #expect((row?.reserved ?? 0) == reserved, "after \(step)")
      #expect((row?.available ?? 0) == onHand - reserved, "after \(step)")
      #expect((row?.available ?? 0) >= 0, "after \(step)")
      let report = try office.verify()
      #expect(report.ok, "after \(step): \(report.checks.filter { !$0.ok })")
    }
  }
}

/// Runs one engine call that the model expects to succeed (`refusal` nil) or to be refused
/// with exactly `refusal`.
private func expect(
  _ refusal: DepotError?, _ step: ReservationPropertyTests.Step, _ call: () throws -> IssuanceView
) {
  if let refusal {
    #expect(throws: refusal, "\(step)") { _ = try call() }
  } else {
    #expect(throws: Never.self, "\(step)") { _ = try call() }
  }
}

extension String {
  /// Whether a request in this state still holds a reservation.
  fileprivate var isOpen: Bool { ["approved", "shipped", "confirmed"].contains(self) }
}
