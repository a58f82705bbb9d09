import Ledger

extension Depot {
  /// Imports a whole CSV file in one transaction, or nothing: items (admin), receipts
  /// against orders (clerk), or emergency receipts without orders (approver, signed).
  /// Every bad row is refused with its line.
  public func importFile(_ request: ImportRequest, _ context: WriteContext) throws
    -> ImportSummary
  {
    let (roles, action): ([Role], String) =
      switch request.kind {
      case .items: ([.admin], "import items")
      case .receipts:
        request.emergencyJustification == nil
          ? ([.clerk], "import receipts") : ([.approver], "import emergency receipts")
      }
    return try perform(request, context, roles: roles, action: action) { session in
      do {
        switch request.kind {
        case .items:
          guard request.emergencyJustification == nil else {
            throw DepotError.invalidOption(field: .emergency, reason: "is for receipts")
          }
          guard context.date == nil else {
            throw DepotError.invalidOption(field: .date, reason: "is for receipts")
          }
          let columns = Session.itemColumns
          let codes = try session.importItems(
            CSVTable(request.bytes, required: columns.required, optional: columns.optional))
          return ImportSummary(file: request.file, rows: codes.count, items: codes, receipts: [])
        case .receipts:
          let columns = Session.receiptColumns
          let table = CSVTable(
            request.bytes, required: columns.required, optional: columns.optional)
          let receipts = try session.importReceipts(
            table, justification: request.emergencyJustification, digest: request.digest)
          return ImportSummary(
            file: request.file, rows: table.rows.count, items: [], receipts: receipts)
        }
      } catch let failure as ImportFailure {
        throw DepotError.importRejected(
          file: request.file, problems: failure.problems.sorted { $0.line < $1.line })
      }
    }
  }
}
