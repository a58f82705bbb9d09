import Ledger

/// The canonical text of an invoice, payment or period close: what its event records, and
/// what `verify` compares the stored row with.
struct FinanceEntry: Hashable {
  var text: String

  var payload: Payload { Payload(parsing: text) }

  init(_ invoice: InvoiceRecord) {
    text =
      Payload([
        ("invoice", invoice.id.map(String.init)), ("order", String(invoice.orderDocumentId)),
        ("supplier", String(invoice.supplierAccountId)), ("number", invoice.number),
        ("amount", Money.yuan(invoice.amount)), ("date", invoice.invoiceDate.description),
      ]).text
  }

  init(_ payment: PaymentRecord) {
    text =
      Payload([
        ("payment", payment.id.map(String.init)), ("order", String(payment.orderDocumentId)),
        ("amount", Money.yuan(payment.amount)), ("reference", payment.reference),
        ("prepayment", payment.prepayment ? "yes" : "no"), ("date", payment.paidOn.description),
      ]).text
  }

  init(_ period: PeriodCloseRecord) {
    text = Payload([("period", period.period), ("closedBy", String(period.closedBy))]).text
  }

  init(event: DocumentEventRecord) {
    text = event.payload
  }
}
