@testable import Inventory

extension TestOffice {
  /// A donation from DON-RC, recorded by a clerk.
  @discardableResult
  func donate(
    _ item: String, _ quantity: Int64, lot: String? = nil, expiry: String? = nil,
    value: Int64 = 0, rejected: Int64? = nil, reason: String? = nil, as user: String = "wang",
    ref: String? = nil
  ) throws -> PostedDocument {
    try depot.receive(
      ReceiptRequest(
        isDonation: true, source: "DON-RC", warehouse: "WH-CENTRAL", item: item,
        quantity: QuantityAmount(digits: quantity), lot: lot, expiry: expiry.flatMap(Day.init),
        value: value, rejected: rejected.map { QuantityAmount(digits: $0) },
        rejectionReason: reason),
      context(user, ref: ref))
  }

  /// A purchase request by wang, approved by zhang.
  @discardableResult
  func requestAndApprove(_ pairs: [(String, Int64)]) throws -> String {
    let request = try depot.requestPurchase(
      PurchaseRequestInput(items: amounts(pairs), reason: "reserve below floor"),
      context("wang"))
    _ = try depot.approvePurchase(
      PurchaseApproval(number: request.number), context("zhang"))
    return request.number
  }

  /// An approved request ordered from SUP-JX by zhang at the given prices; returns the PO.
  @discardableResult
  func order(
    _ pairs: [(String, Int64)], prices: [ItemPrice], emergency: String? = nil,
    supplier: String = "SUP-JX"
  ) throws -> PurchaseOrderView {
    let request = try requestAndApprove(pairs)
    return try depot.placeOrder(
      PurchaseOrderInput(
        request: request, supplier: supplier, prices: prices, emergencyJustification: emergency),
      context("zhang"))
  }

  /// A receipt against an order, by wang.
  @discardableResult
  func receive(
    _ item: String, _ quantity: Int64, against order: String, lot: String? = nil,
    expiry: String? = nil, rejected: Int64? = nil, reason: String? = nil,
    serials: [String] = [], date: Day? = nil
  ) throws -> PostedDocument {
    try depot.receive(
      ReceiptRequest(
        order: order, source: nil, warehouse: "WH-CENTRAL", item: item,
        quantity: QuantityAmount(digits: quantity), lot: lot, expiry: expiry.flatMap(Day.init),
        serials: serials, rejected: rejected.map { QuantityAmount(digits: $0) },
        rejectionReason: reason),
      context("wang", date: date))
  }

  /// An invoice recorded by sun.
  @discardableResult
  func invoice(_ order: String, _ number: String, fen: Int64, date: Day? = nil) throws
    -> PurchaseOrderView
  {
    try depot.addInvoice(
      InvoiceInput(order: order, number: number, amount: fen), context("sun", date: date))
  }

  /// A payment recorded by sun.
  @discardableResult
  func pay(_ order: String, fen: Int64, prepayment: Bool = false, date: Day? = nil) throws
    -> PurchaseOrderView
  {
    try depot.pay(
      PaymentInput(order: order, amount: fen, reference: "bank slip", prepayment: prepayment),
      context("sun", date: date))
  }

  /// The payables as sun sees them.
  func payables(_ supplier: String? = nil) throws -> PayablesReport {
    try depot.payables(supplier: supplier, as: "sun")
  }
}

/// A price per base unit, or per pack.
func price(_ item: String, _ fen: Int64, per unit: String? = nil) -> ItemPrice {
  ItemPrice(item: item, amount: fen, unit: unit)
}
