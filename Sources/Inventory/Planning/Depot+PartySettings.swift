import Ledger
import Macros

/// `depot party set`: a party's planning settings.
@MemberwiseInit
public struct PartySetting: DepotRequest {
  public typealias Result = PlaceSummary
  public var code: String
  public var leadTimeDays: Int

  public var command: String { "party set" }
  public var inputs: [(Field, String)] { [(.code, code), (.leadTime, String(leadTimeDays))] }
}

extension Depot {
  /// Sets how many days a supplier takes from order to receipt (admin).
  public func setParty(_ request: PartySetting, _ context: WriteContext) throws -> PlaceSummary {
    try perform(request, context, roles: [.admin], action: "change parties") { session in
      let account = try session.party(request.code)
      guard (0...365).contains(request.leadTimeDays) else {
        throw DepotError.invalidOption(field: .leadTime, reason: "must be 0 to 365 days")
      }
      try session.transaction.setLeadTime(request.leadTimeDays, ofAccount: account.id)
      try session.record(
        subject: "party \(account.code)", action: "party.set",
        payload: Payload([("code", account.code), ("leadTime", String(request.leadTimeDays))]))
      var updated = account
      updated.leadTimeDays = request.leadTimeDays
      return PlaceSummary(updated)
    }
  }
}
