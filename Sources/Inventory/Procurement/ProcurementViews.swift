import Ledger

/// One step of a document's history: who did what, when, and whether it was signed.
public typealias DocumentStep = HistoryStep

/// A purchase request as `depot procure show` prints it.
public struct PurchaseRequestView: Codable, Sendable, Equatable {
  /// One item asked for, and what was decided on it.
  public struct Line: Codable, Sendable, Equatable {
    public var item: String
    public var itemName: String
    public var quantity: Int64
    public var unit: String
    public var approved: Int64
    public var declined: Int64
    public var declineReason: String?
    /// Requested and neither approved nor declined yet, while the request is open (SPEC §10).
    public var awaitingDecision: Int64
  }

  public var number: String
  public var state: String
  public var date: String
  public var requester: String
  public var reason: String
  public var neededBy: String?
  public var note: String?
  public var lines: [Line]
  /// The order placed from it, once ordered.
  public var order: String?
  public var history: [DocumentStep]

  /// Whether some line still awaits an approver's decision.
  public var awaitsDecision: Bool { lines.contains { $0.awaitingDecision > 0 } }
}

/// A purchase order as `depot procure show` prints it: its lines with prices and what
/// arrived, its receipts and rejections, invoices, payments and what is owed.
public struct PurchaseOrderView: Codable, Sendable, Equatable {
  /// One item ordered and how much of it arrived.
  public struct Line: Codable, Sendable, Equatable {
    public var item: String
    public var itemName: String
    public var unit: String
    public var ordered: Int64
    public var received: Int64
    public var rejected: Int64
    public var outstanding: Int64
    /// `3.20` per base unit, or `150.00/box` per pack; yuan, tax included.
    public var price: String
    public var orderedValue: String
    public var receivedValue: String
  }

  /// One lot that arrived against the order.
  public struct Receipt: Codable, Sendable, Equatable {
    public var document: String
    public var date: String
    public var item: String
    public var lot: String?
    public var expiry: String?
    public var quantity: Int64
    public var value: String
  }

  /// Goods refused at inspection.
  public struct Rejection: Codable, Sendable, Equatable {
    public var document: String
    public var item: String
    public var lot: String?
    public var quantity: Int64
    public var reason: String
  }

  /// A supplier's invoice.
  public struct Invoice: Codable, Sendable, Equatable {
    public var number: String
    public var date: String
    public var amount: String
  }

  /// A payment to the supplier.
  public struct Payment: Codable, Sendable, Equatable {
    public var date: String
    public var amount: String
    public var reference: String
    public var prepayment: Bool
  }

  /// The order's money, in yuan.
  public struct Totals: Codable, Sendable, Equatable {
    public var ordered: String
    public var received: String
    public var invoiced: String
    public var paid: String
    public var receivedNotInvoiced: String
    public var invoicedNotPaid: String
    public var advance: String
  }

  public var number: String
  public var state: String
  public var date: String
  public var request: String
  public var supplier: String
  public var supplierName: String
  public var contract: String?
  public var emergency: Bool
  public var justification: String?
  public var lines: [Line]
  public var receipts: [Receipt]
  public var rejections: [Rejection]
  public var invoices: [Invoice]
  public var payments: [Payment]
  public var totals: Totals
  /// Set when the invoices disagree with the value received.
  public var flag: String?
  public var history: [DocumentStep]
}

/// `depot procure show`: a request or an order.
public enum ProcurementDocument: Encodable, Sendable, Equatable {
  case request(PurchaseRequestView)
  case order(PurchaseOrderView)

  public func encode(to encoder: any Encoder) throws {
    switch self {
    case .request(let view): try view.encode(to: encoder)
    case .order(let view): try view.encode(to: encoder)
    }
  }
}

/// Which requests and orders `depot procure list` shows, besides all of them.
public enum ProcurementFilter: Equatable, Sendable {
  /// Those still under way: requests not yet ordered, orders not yet closed or cancelled.
  case open
  /// Those in one state.
  case only(DocumentState)
}

/// A request or order as `depot procure list` shows it.
public struct ProcurementListing: Codable, Sendable, Equatable {
  public var number: String
  public var state: String
  public var date: String
  /// The requester of a request, the approver who placed an order.
  public var by: String
  public var supplier: String?
  public var emergency: Bool
}
