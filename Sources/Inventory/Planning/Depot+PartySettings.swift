import Ledger
import Macros

/// `depot party set CODE`: a party's name, licence and lead time. The code and kind never
/// change.
@MemberwiseInit
public struct PartySetting: DepotRequest {
  public typealias Result = PlaceSummary
  public var code: String
  public var name: String? = nil
  /// A disposal contractor's licence number.
  public var licence: String? = nil
  public var licenceExpires: Day? = nil
  /// Days from order to receipt.
  public var leadTimeDays: Int? = nil

  public var command: String { "party set" }
  public var inputs: [(Field, String)] {
    [(.code, code)] + (name.map { [(.name, $0)] } ?? [])
      + (licence.map { [(.licence, $0)] } ?? [])
      + (licenceExpires.map { [(.licenceExpires, "\($0)")] } ?? [])
      + (leadTimeDays.map { [(.leadTime, String($0))] } ?? [])
  }
}

extension Depot {
  /// Changes a party's name, a contractor's licence, or how many days a supplier takes from
  /// order to receipt (admin).
  public func setParty(_ request: PartySetting, _ context: WriteContext) throws -> PlaceSummary {
    try perform(request, context, roles: [.admin], action: "change parties") { session in
      guard
        request.name != nil || request.licence != nil || request.licenceExpires != nil
          || request.leadTimeDays != nil
      else {
        throw DepotError.nothingToChange(
          command: request.command, fields: [.name, .licence, .licenceExpires, .leadTime])
      }
      let account = try session.party(request.code)
      var updated = account
      if let name = request.name { updated.name = try Text.checked(name, field: .name) }
      if request.licence != nil || request.licenceExpires != nil {
        guard account.kind == .contractor else {
          throw DepotError.invalidOption(
            field: .licence, reason: "applies to disposal contractors only")
        }
        updated.licence =
          try Text.checkedOptionalIdentifier(request.licence, field: .licence, maximumLength: 64)
          ?? account.licence
        updated.licenceExpires = request.licenceExpires ?? account.licenceExpires
      }
      if let days = request.leadTimeDays {
        guard (0...365).contains(days) else {
          throw DepotError.invalidOption(field: .leadTime, reason: "must be 0 to 365 days")
        }
        updated.leadTimeDays = days
      }
      return try changeAccount(account, to: updated, noun: "party", session)
    }
  }
}
