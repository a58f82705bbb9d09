import Ledger

/// What the office owes its suppliers (SPEC §4 Finance), per supplier and per order.
public struct PayablesReport: Codable, Sendable, Equatable {
  /// One order's money, in yuan.
  public struct Order: Codable, Sendable, Equatable {
    public var number: String
    public var state: String
    public var emergency: Bool
    public var ordered: String
    public var received: String
    public var invoiced: String
    public var paid: String
    public var prepaid: String
    public var receivedNotInvoiced: String
    public var invoicedNotPaid: String
    public var advance: String
    /// Set when the invoices disagree with the value received.
    public var flag: String?
  }

  /// One supplier's totals over its orders, in yuan.
  public struct Supplier: Codable, Sendable, Equatable {
    public var supplier: String
    public var supplierName: String
    public var receivedNotInvoiced: String
    public var invoicedNotPaid: String
    public var advances: String
    /// Value received in emergency receipts without an order, outside the two columns.
    public var receivedWithoutOrder: String
    public var orders: [Order]
  }

  public var asOf: String?
  public var suppliers: [Supplier]
  public var receivedNotInvoiced: String
  public var invoicedNotPaid: String
  public var advances: String
}

/// One order's row of the payables: the order and its account.
struct OrderPayable {
  var row: OrderBalanceRow
  var account: OrderAccount
}

extension Session {
  /// The payables per order, by supplier code then order, counting what is dated on or
  /// before `asOf`.
  func orderPayables(supplier: AccountRecord?, asOf: Day?) throws -> [OrderPayable] {
    try transaction.orderBalances(
      supplierAccountID: supplier?.id, orderDocumentID: nil, asOf: asOf
    )
    .map { row in
      let ordered = try transaction.purchaseOrderLines(documentID: row.documentId)
        .reduce(Int64(0)) { $0 + (try $1.value(of: $1.ordered)) }
      return OrderPayable(
        row: row,
        account: OrderAccount(
          ordered: ordered, received: row.received, invoiced: row.invoiced, paid: row.paid))
    }
  }
}

extension Depot {
  /// Payables per supplier, split into received-not-invoiced and invoiced-not-paid, with
  /// advances and flagged invoices (every registered user).
  public func payables(supplier code: String?, asOf: Day? = nil, as actor: String?) throws
    -> PayablesReport
  {
    try read(as: actor) { session in
      let supplier = try code.map { try session.party($0, kind: .supplier) }
      let payables = try session.orderPayables(supplier: supplier, asOf: asOf)
      let unordered = try session.transaction.receivedWithoutOrder(
        supplierAccountID: supplier?.id, asOf: asOf)
      var suppliers: [PayablesReport.Supplier] = []
      var totals = (received: Int64(0), invoiced: Int64(0), advances: Int64(0))
      var codes: [(id: Int64, code: String, name: String)] = []
      for payable in payables where !codes.contains(where: { $0.id == payable.row.supplierId }) {
        codes.append((payable.row.supplierId, payable.row.supplierCode, payable.row.supplierName))
      }
      for id in unordered.keys where !codes.contains(where: { $0.id == id }) {
        if let account = try session.transaction.account(id: id) {
          codes.append((id, account.code, account.name))
        }
      }
      for (id, code, name) in codes.sorted(by: { $0.code < $1.code }) {
        let mine = payables.filter { $0.row.supplierId == id }
        let receivedNotInvoiced = mine.reduce(0) { $0 + $1.account.receivedNotInvoiced }
        let invoicedNotPaid = mine.reduce(0) { $0 + $1.account.invoicedNotPaid }
        let advances = mine.reduce(0) { $0 + $1.account.advance }
        totals.received += receivedNotInvoiced
        totals.invoiced += invoicedNotPaid
        totals.advances += advances
        suppliers.append(
          PayablesReport.Supplier(
            supplier: code, supplierName: name,
            receivedNotInvoiced: Money.yuan(receivedNotInvoiced),
            invoicedNotPaid: Money.yuan(invoicedNotPaid), advances: Money.yuan(advances),
            receivedWithoutOrder: Money.yuan(unordered[id] ?? 0),
            orders: mine.map { payable in
              let account = payable.account
              return PayablesReport.Order(
                number: payable.row.number, state: payable.row.state.rawValue,
                emergency: payable.row.emergency, ordered: Money.yuan(account.ordered),
                received: Money.yuan(account.received), invoiced: Money.yuan(account.invoiced),
                paid: Money.yuan(account.paid), prepaid: Money.yuan(payable.row.prepaid),
                receivedNotInvoiced: Money.yuan(account.receivedNotInvoiced),
                invoicedNotPaid: Money.yuan(account.invoicedNotPaid),
                advance: Money.yuan(account.advance), flag: account.flag)
            }))
      }
      return PayablesReport(
        asOf: asOf?.description, suppliers: suppliers,
        receivedNotInvoiced: Money.yuan(totals.received),
        invoicedNotPaid: Money.yuan(totals.invoiced), advances: Money.yuan(totals.advances))
    }
  }
}
