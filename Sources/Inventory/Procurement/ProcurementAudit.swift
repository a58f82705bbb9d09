import Ledger

/// What `verify` checks of procurement and finance: every order line agrees with the
/// receipt movements of the order's lots (quantity, and value at the order's price) and
/// with its rejections, and every invoice, payment and closed period agrees with the event
/// that recorded it.
enum ProcurementAudit {
  static func firstProblem(_ transaction: any LedgerTransaction) throws -> String? {
    for flow in try transaction.orderLineFlows() {
      let line = flow.line
      if line.received != flow.movedQuantity {
        return "\(flow.orderNumber) records \(line.received) \(flow.itemCode) received but its "
          + "receipts moved \(flow.movedQuantity)"
      }
      let value = Money.value(of: line.received, price: line.price, per: line.pricePer)
      if value != flow.movedValue {
        return "\(flow.orderNumber)'s receipts of \(flow.itemCode) carry "
          + "\(Money.yuan(flow.movedValue)) but \(line.received) at its price are worth "
          + (value.map(Money.yuan) ?? "more than any real order")
      }
      if line.rejected != flow.rejectedQuantity {
        return "\(flow.orderNumber) records \(line.rejected) \(flow.itemCode) rejected but its "
          + "rejections add up to \(flow.rejectedQuantity)"
      }
    }
    if let stray = try transaction.firstLotOffItsOrder() {
      return "a lot of \(stray.item) names \(stray.order), which did not order it"
    }
    let recorded = try transaction.events(actions: ["invoice.add", "payment.add", "period.close"])
    func compare(_ rows: [FinanceEntry], action: String, noun: String, key: String) -> String? {
      let events = recorded.filter { $0.action == action }
      var unmatched = events.map { FinanceEntry(event: $0) }
      for row in rows {
        guard let index = unmatched.firstIndex(of: row) else {
          return "\(noun) \(row.payload[key] ?? "?") differs from what its event recorded"
        }
        unmatched.remove(at: index)
      }
      if let missing = unmatched.first,
        let event = events.first(where: { FinanceEntry(event: $0) == missing })
      {
        return "\(noun) \(missing.payload[key] ?? "?") recorded by event \(event.id) is missing"
      }
      return nil
    }
    let invoices = try transaction.invoices(orderDocumentID: nil).map(FinanceEntry.init)
    let payments = try transaction.payments(orderDocumentID: nil).map(FinanceEntry.init)
    let periods = try transaction.periodCloses().map(FinanceEntry.init)
    return compare(invoices, action: "invoice.add", noun: "invoice", key: "number")
      ?? compare(payments, action: "payment.add", noun: "payment", key: "payment")
      ?? compare(periods, action: "period.close", noun: "closed period", key: "period")
  }
}
