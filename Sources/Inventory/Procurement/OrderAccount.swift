import Macros

/// What an order has brought in, been invoiced and been paid, and what follows for payables
/// (SPEC §4 Finance). All amounts in fen.
///
/// The office owes the larger of what it received and what it was invoiced, less what it
/// paid; that splits into three parts that never overlap:
/// - received but not yet invoiced: received beyond both the invoices and the payments;
/// - invoiced but not yet paid;
/// - an advance: paid beyond both what was invoiced and what was received.
@MemberwiseInit
public struct OrderAccount: Sendable, Equatable {
  public var ordered: Int64
  public var received: Int64
  public var invoiced: Int64
  public var paid: Int64

  public var receivedNotInvoiced: Int64 { Swift.max(0, received - Swift.max(invoiced, paid)) }
  public var invoicedNotPaid: Int64 { Swift.max(0, invoiced - paid) }
  public var advance: Int64 { Swift.max(0, paid - Swift.max(invoiced, received)) }
  /// What the office owes: negative while it has paid ahead.
  public var owed: Int64 { Swift.max(received, invoiced) - paid }

  /// What may still be paid without a prepayment: what is invoiced or received and unpaid.
  public var payable: Int64 { Swift.max(0, Swift.max(invoiced, received) - paid) }

  /// What may still be paid at all: the most of the order's total, the invoices and the
  /// receipts, less what is paid.
  public var unpaidTotal: Int64 { Swift.max(0, Swift.max(ordered, invoiced, received) - paid) }

  /// Why the invoices disagree with what was received, if they do.
  public var flag: String? {
    guard invoiced > 0, invoiced != received else { return nil }
    return "invoiced \(Money.yuan(invoiced)) but received \(Money.yuan(received))"
  }

  /// Whether everything received is invoiced and paid, exactly.
  public var isSettled: Bool { received == invoiced && invoiced == paid }
}
