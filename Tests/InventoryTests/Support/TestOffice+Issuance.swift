@testable import Inventory

extension TestOffice {
  func amounts(_ pairs: [(String, Int64)]) -> [ItemAmount] {
    pairs.map { ItemAmount(item: $0.0, amount: QuantityAmount(digits: $0.1)) }
  }

  @discardableResult
  func request(
    _ pairs: [(String, Int64)], priority: Priority = .normal, neededBy: Day? = nil,
    as user: String = "li", date: Day? = nil
  ) throws -> IssuanceView {
    try depot.requestIssue(
      IssueRequest(
        source: "WH-CENTRAL", site: "SITE-CP3", items: amounts(pairs), priority: priority,
        neededBy: neededBy), context(user, date: date))
  }

  @discardableResult
  func approve(
    _ number: String, _ pairs: [(String, Int64)] = [], override reason: String? = nil,
    as user: String = "zhang", date: Day? = nil
  ) throws -> IssuanceView {
    try depot.approveIssue(
      IssueApproval(
        number: number, items: amounts(pairs), overrideFloor: reason != nil, reason: reason),
      context(user, date: date))
  }

  @discardableResult
  func ship(
    _ number: String, _ pairs: [(String, Int64)] = [], as user: String = "wang", date: Day? = nil
  ) throws -> IssuanceView {
    try depot.shipIssue(
      IssueShipment(number: number, items: amounts(pairs)), context(user, date: date))
  }

  @discardableResult
  func confirm(
    _ number: String, received: [(String, Int64)] = [], damaged: [(String, Int64)] = [],
    as user: String = "li", date: Day? = nil
  ) throws -> IssuanceView {
    try depot.confirmIssue(
      IssueConfirmation(number: number, received: amounts(received), damaged: amounts(damaged)),
      context(user, date: date))
  }

  @discardableResult
  func decide(
    _ kind: IssueDecisionKind, _ number: String, as user: String = "zhang", date: Day? = nil
  ) throws -> IssuanceView {
    try depot.decideIssue(
      IssueDecision(kind, number: number, reason: "because"), context(user, date: date))
  }

  func available(_ item: String, at location: String = "WH-CENTRAL") throws -> Int64 {
    try depot.stock(StockQuery(location: location, item: item), as: "audit").first?.available ?? 0
  }
}
