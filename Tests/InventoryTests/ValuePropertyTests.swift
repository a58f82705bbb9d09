import PropertyBased
import Testing

@testable import Inventory
@testable import Ledger
@testable import LedgerSQLite

/// I6 through procurement: random orders at random per-unit and per-pack prices, partial
/// receipts, donations, transfers, issuance with losses on the way, and use, then everything
/// used up.
/// For every lot, the values of all movements out into sinks add up, to the fen, to the
/// value it came in with; and `verify` passes after every step.
@Suite struct ValuePropertyTests {
  static let items = ["GLOVE", "MASK-SURG"]
  static let packs: [String?] = [nil, "box", "carton"]

  enum Action: Int, CaseIterable, Sendable {
    case receive, donate, transfer, issue
  }

  struct Step: Sendable, CustomStringConvertible {
    var action: Action
    var item: Int
    var quantity: Int64
    var amount: Int64
    var option: Int
    var description: String {
      "\(action) \(quantity) \(ValuePropertyTests.items[item]) (\(amount), \(option))"
    }
  }

  static let step = zip(
    Gen.int(in: 0...3), Gen.int(in: 0...1), Gen.int64(in: 1...400), Gen.int64(in: 1...99_999),
    Gen.int(in: 0...2)
  ).map { Step(action: Action(rawValue: $0)!, item: $1, quantity: $2, amount: $3, option: $4) }

  @Test func everyLotsValueLeavesItExactly() async {
    await checkStepSequences(count: 15, Self.step.array(of: 1...20), Self.run)
  }

  static func run(_ steps: [Step]) throws {
    let office = try TestOffice()
    var orders: [String: String] = [:]
    for step in steps {
      let item = items[step.item]
      let lot = item == "MASK-SURG" ? "L\(step.option)" : nil
      let expiry = lot.map { _ in "2028-0\(step.option + 1)-01" }
      switch step.action {
      case .receive:
        if orders[item] == nil {
          let unit = item == "GLOVE" ? packs[step.option % 2] : packs[step.option]
          orders[item] =
            try office.order(
              [(item, 100_000)], prices: [price(item, step.amount, per: unit)]
            ).number
        }
        try office.receive(item, step.quantity, against: orders[item]!, lot: lot, expiry: expiry)
      case .donate:
        try office.donate(
          item, step.quantity, lot: lot.map { "D" + $0 }, expiry: expiry, value: step.amount)
      case .transfer:
        let held = try office.onHand(item, at: "WH-CENTRAL")
        if held > 0 { try office.transfer(item, Swift.min(held, step.quantity)) }
      case .issue:
        try issueAndUse(office, item, Swift.min(step.quantity, office.available(item)), step)
      }
      let report = try office.verify()
      #expect(report.ok, "after \(step): \(report.checks.filter { !$0.ok })")
    }
    for item in items {
      let town = try office.onHand(item, at: "WH-TOWN")
      if town > 0 {
        try office.transfer(item, town, from: "WH-TOWN", to: "WH-CENTRAL")
      }
      let everything = Step(action: .issue, item: 0, quantity: 0, amount: 0, option: 0)
      try issueAndUse(office, item, office.available(item), everything)
      try use(office, item, office.onHand(item, at: "SITE-CP3"))
    }
    #expect(try office.onHand().isEmpty, "everything was used up")
    try expectValueLeftExactly(office)
  }

  /// Issues `quantity` to SITE-CP3, some of it going missing on the way, and the site uses
  /// part of what arrived.
  static func issueAndUse(_ office: TestOffice, _ item: String, _ quantity: Int64, _ step: Step)
    throws
  {
    guard quantity > 0 else { return }
    let request = try office.request([(item, quantity)])
    try office.approve(request.number)
    try office.ship(request.number)
    let missing = quantity * Int64(step.option) / 7
    try office.confirm(request.number, received: [(item, quantity - missing)])
    try use(office, item, try office.onHand(item, at: "SITE-CP3") * Int64(step.option) / 3)
  }

  /// The site uses `quantity` of an item.
  static func use(_ office: TestOffice, _ item: String, _ quantity: Int64) throws {
    guard quantity > 0 else { return }
    _ = try office.depot.reportUse(
      UseReport(site: "SITE-CP3", item: item, quantity: QuantityAmount(digits: quantity)),
      office.context("li"))
  }

  /// For every lot: the value in from its supplier or donor equals the values moved into
  /// the sinks, the lot being empty everywhere else.
  static func expectValueLeftExactly(_ office: TestOffice) throws {
    try office.depot.store.read { transaction in
      var valueIn: [Int64: Int64] = [:]
      var valueOut: [Int64: Int64] = [:]
      for code in items {
        let item = try #require(try transaction.item(code: code))
        for line in try transaction.cardLines(itemID: item.id, accountID: nil, lotIDs: nil) {
          let lot = try #require(try transaction.lot(id: line.lotId))
          if line.fromAccountId == lot.sourceAccountId {
            valueIn[line.lotId, default: 0] += line.value
          }
          if ["consumed", "lost"].contains(line.toCode) {
            valueOut[line.lotId, default: 0] += line.value
          }
        }
      }
      #expect(!valueIn.isEmpty || valueOut.isEmpty)
      for (lot, value) in valueIn {
        #expect(valueOut[lot, default: 0] == value, "lot \(lot) came in at \(value) fen")
      }
    }
  }
}
