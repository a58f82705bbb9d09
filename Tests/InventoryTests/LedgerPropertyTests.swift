import PropertyBased
import Testing

@testable import Inventory

/// Random receipts and transfers against an independent model of the balances: after every
/// step the store and the model agree and `verify` passes.
@Suite struct LedgerPropertyTests {
  static let items = ["GLOVE", "MASK-SURG"]
  static let warehouses = ["WH-CENTRAL", "WH-TOWN"]

  struct Step: Sendable, CustomStringConvertible {
    var isReceipt: Bool
    var item: Int
    var from: Int
    var quantity: Int64
    var value: Int64

    var description: String {
      let item = LedgerPropertyTests.items[item]
      let place = LedgerPropertyTests.warehouses[from]
      return isReceipt
        ? "receive \(quantity) \(item) into \(place) for \(value) fen"
        : "transfer \(quantity) \(item) from \(place)"
    }
  }

  static let step = zip(
    Gen.bool(0.4), Gen.int(in: 0...1), Gen.int(in: 0...1), Gen.int64(in: 1...120),
    Gen.int64(in: 0...10_000)
  ).map { Step(isReceipt: $0, item: $1, from: $2, quantity: $3, value: $4) }

  @Test func storeAndModelAgreeAfterEveryStep() async {
    await checkStepSequences(count: 25, Self.step.array(of: 1...30), Self.run)
  }

  static func run(_ steps: [Step]) throws {
    let office = try TestOffice()
    var model: [String: Int64] = [:]
    for (index, step) in steps.enumerated() {
      let item = items[step.item]
      let source = warehouses[step.from]
      let destination = warehouses[1 - step.from]
      let lot = item == "MASK-SURG" ? "L\(index % 3)" : nil
      if step.isReceipt {
        try office.receive(
          item, step.quantity, lot: lot, expiry: lot.map { _ in "2028-0\(index % 3 + 1)-01" },
          into: source, value: step.value)
        model["\(item)@\(source)", default: 0] += step.quantity
      } else {
        let held = model["\(item)@\(source)", default: 0]
        do {
          try office.transfer(item, step.quantity, from: source, to: destination)
          #expect(step.quantity <= held, "moved \(step.quantity) of \(held)")
          model["\(item)@\(source)", default: 0] -= step.quantity
          model["\(item)@\(destination)", default: 0] += step.quantity
        } catch DepotError.insufficientStock(_, _, let available, let requested) {
          #expect(available == held && requested > held)
        }
      }
      #expect(try office.onHand() == model.filter { $0.value != 0 }, "after \(step)")
      let report = try office.verify()
      #expect(report.ok, "after \(step): \(report.checks.filter { !$0.ok })")
    }
  }
}
