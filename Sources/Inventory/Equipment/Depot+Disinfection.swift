import Ledger
import Macros

/// `depot disinfect done`: returned equipment disinfected and back in available stock.
@MemberwiseInit
public struct DisinfectionDone: DepotRequest {
  public typealias Result = [DisinfectionRow]
  public var item: String
  public var serials: [String]
  public var method: String

  public var command: String { "disinfect done" }
  public var inputs: [(Field, String)] {
    [(.item, item)] + serials.map { (.serial, $0) } + [(.method, method)]
  }
}

/// A returned piece of equipment in disinfection, or done with it.
public struct DisinfectionRow: Codable, Sendable, Equatable {
  public var item: String
  public var itemName: String
  public var serial: String
  public var location: String
  /// The return that brought it back.
  public var returnedIn: String
  public var startedAt: Moment
  public var method: String?
  public var doneBy: String?
  public var doneAt: Moment?
}

extension Depot {
  /// A clerk records returned equipment as disinfected: it becomes available again.
  public func finishDisinfection(_ request: DisinfectionDone, _ context: WriteContext) throws
    -> [DisinfectionRow]
  {
    try perform(request, context, roles: [.clerk], action: "record disinfection") { session in
      let item = try session.item(request.item)
      guard item.tracking == .serial else {
        throw DepotError.notSerialTracked(item: item.code)
      }
      guard !request.serials.isEmpty else { throw DepotError.serialsRequired(item: item.code) }
      let method = try Text.checked(request.method, field: .method)
      var rows: [DisinfectionRow] = []
      for serial in request.serials {
        guard let lot = try session.transaction.lots(itemID: item.id, number: serial).first,
          var open = try session.transaction.openDisinfection(lotID: lot.id)
        else { throw DepotError.notInDisinfection(item: item.code, serial: serial) }
        let returned = try session.transaction.document(id: open.returnDocumentId)
        if let returned { try session.checkStepDate("disinfected", on: returned) }
        open.method = method
        open.doneBy = session.actor.id
        open.doneAt = session.now
        try session.transaction.finishDisinfection(
          id: open.id, method: method, by: session.actor.id, at: session.now)
        try session.record(
          subject: "\(item.code) \(serial)", action: "disinfection.done", document: returned,
          payload: Payload([
            ("item", item.code), ("serial", serial),
            ("location", try session.account(open.accountId).code), ("method", method),
          ]))
        rows.append(try session.disinfectionRow(open))
      }
      return rows
    }
  }

  /// Equipment in disinfection, oldest first; with `all`, also what is done (every
  /// registered user).
  public func disinfections(all: Bool, as actor: String?) throws -> [DisinfectionRow] {
    try read(as: actor) { session in
      try session.transaction.disinfections(openOnly: !all).map { try session.disinfectionRow($0) }
    }
  }
}

extension Session {
  fileprivate func disinfectionRow(_ record: DisinfectionRecord) throws -> DisinfectionRow {
    let lot = try lot(id: record.lotId)
    let item = try item(id: lot.itemId)
    return DisinfectionRow(
      item: item.code, itemName: item.name, serial: lot.number ?? "-",
      location: try account(record.accountId).code,
      returnedIn: try transaction.document(id: record.returnDocumentId)?.number ?? "?",
      startedAt: record.startedAt, method: record.method,
      doneBy: try record.doneBy.flatMap { try transaction.user(id: $0)?.name },
      doneAt: record.doneAt)
  }
}
