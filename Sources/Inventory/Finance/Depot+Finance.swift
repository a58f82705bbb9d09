import Ledger

extension Depot {
  /// Finance records a supplier's invoice against an order, dated on the effective date.
  public func addInvoice(_ request: InvoiceInput, _ context: WriteContext) throws
    -> PurchaseOrderView
  {
    try perform(request, context, roles: [.finance], action: "record invoices") { session in
      var order = try session.purchaseOrder(
        request.order, allowing: [.ordered, .partiallyReceived, .received, .closed],
        to: "invoiced")
      let number = try Text.checkedIdentifier(request.number, field: .invoice, maximumLength: 64)
      try session.checkAmount(request.amount, field: .amount)
      guard
        try session.transaction.invoice(supplierAccountID: order.supplier.id, number: number)
          == nil
      else { throw DepotError.duplicateInvoice(supplier: order.supplier.code, number: number) }
      let invoice = try session.transaction.insertInvoice(
        InvoiceRecord(
          orderDocumentId: order.document.id, supplierAccountId: order.supplier.id,
          number: number, amount: request.amount,
          invoiceDate: session.effectiveDate, recordedBy: session.actor.id,
          recordedAt: session.now))
      try session.record(
        subject: order.document.number, action: "invoice.add", document: order.document,
        payload: FinanceEntry(invoice).payload)
      try session.closeIfSettled(&order)
      return try session.purchaseOrderView(order)
    }
  }

  /// Finance records a payment to an order's supplier. A payment above what is invoiced or
  /// received and not yet paid is refused, unless it is a prepayment on an emergency order.
  public func pay(_ request: PaymentInput, _ context: WriteContext) throws -> PurchaseOrderView {
    try perform(request, context, roles: [.finance], action: "record payments") { session in
      var order = try session.purchaseOrder(
        request.order, allowing: [.ordered, .partiallyReceived, .received, .closed],
        to: "paid")
      let reference = try Text.checkedIdentifier(request.reference, field: .reference)
      try session.checkAmount(request.amount, field: .amount)
      let money = try session.account(of: order)
      if request.prepayment {
        guard order.order.emergency else {
          throw DepotError.prepaymentNeedsEmergency(document: order.document.number)
        }
        guard request.amount <= money.unpaidTotal else {
          throw DepotError.prepaymentExceedsOrder(
            document: order.document.number, unpaid: money.unpaidTotal, asked: request.amount)
        }
      } else if request.amount > money.payable {
        throw DepotError.paymentExceedsPayable(
          document: order.document.number, payable: money.payable, asked: request.amount)
      }
      let payment = try session.transaction.insertPayment(
        PaymentRecord(
          orderDocumentId: order.document.id, amount: request.amount, reference: reference,
          prepayment: request.prepayment, paidOn: session.effectiveDate,
          recordedBy: session.actor.id, recordedAt: session.now))
      try session.record(
        subject: order.document.number, action: "payment.add", document: order.document,
        payload: FinanceEntry(payment).payload)
      try session.closeIfSettled(&order)
      return try session.purchaseOrderView(order)
    }
  }

  /// Finance closes a month that has ended: from then on nothing may be posted with an
  /// effective date on or before its last day.
  public func closePeriod(_ request: PeriodCloseInput, _ context: WriteContext) throws
    -> PeriodClosure
  {
    try perform(request, context, roles: [.finance], action: "close periods") { session in
      let shape = request.period.unicodeScalars.enumerated().allSatisfy { index, scalar in
        index == 4 ? scalar == "-" : ("0"..."9").contains(scalar)
      }
      guard shape, request.period.unicodeScalars.count == 7,
        let lastDay = Day.lastDay(ofPeriod: request.period)
      else {
        throw DepotError.invalidOption(
          field: .period, reason: "must be a month written YYYY-MM (got '\(request.period)')")
      }
      guard lastDay < session.today else {
        throw DepotError.periodNotOver(period: request.period, today: session.today)
      }
      if let closed = try session.transaction.lastClosedPeriod(), closed >= request.period {
        throw DepotError.periodAlreadyClosed(period: request.period, closedUpTo: closed)
      }
      let record = PeriodCloseRecord(
        period: request.period, closedBy: session.actor.id, closedAt: session.now)
      try session.transaction.insertPeriodClose(record)
      try session.record(
        subject: "period \(request.period)", action: "period.close",
        payload: FinanceEntry(record).payload)
      return PeriodClosure(
        period: request.period, lastDay: lastDay.description, closedBy: session.actor.name,
        closedAt: record.closedAt)
    }
  }
}

extension Session {
  /// Refuses an amount that is not a positive sum of money.
  func checkAmount(_ amount: Int64, field: Field) throws {
    guard (1...Money.maximumFen).contains(amount) else {
      throw DepotError.invalidMoney(field: field, text: Money.yuan(amount))
    }
  }
}
