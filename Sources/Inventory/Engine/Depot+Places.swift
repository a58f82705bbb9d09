import Ledger
import Macros

/// `depot location add`: a warehouse, site or waste point.
@MemberwiseInit
public struct NewLocation: DepotRequest {
  public typealias Result = PlaceSummary
  public var command: String { "location add" }
  public var code: String
  public var name: String
  public var kind: LocationKind
  public var isReserve: Bool = false

  public var inputs: [(Field, String)] {
    [(.code, code), (.name, name), (.kind, kind.rawValue), (.reserve, "\(isReserve)")]
  }
}

/// `depot party add`: a supplier, donor or disposal contractor.
@MemberwiseInit
public struct NewParty: DepotRequest {
  public typealias Result = PlaceSummary
  public var command: String { "party add" }
  public var code: String
  public var name: String
  public var kind: PartyKind
  public var licence: String? = nil
  public var licenceExpires: Day? = nil

  public var inputs: [(Field, String)] {
    [(.code, code), (.name, name), (.kind, kind.rawValue)]
      + (licence.map { [(.licence, $0)] } ?? [])
      + (licenceExpires.map { [(.licenceExpires, "\($0)")] } ?? [])
  }
}

/// `depot location set CODE`: a location's name, or whether a warehouse holds the reserve.
/// The code and kind never change.
@MemberwiseInit
public struct LocationSetting: DepotRequest {
  public typealias Result = PlaceSummary
  public var code: String
  public var name: String? = nil
  public var isReserve: Bool? = nil

  public var command: String { "location set" }
  public var inputs: [(Field, String)] {
    [(.code, code)] + (name.map { [(.name, $0)] } ?? [])
      + (isReserve.map { [(.reserve, "\($0)")] } ?? [])
  }
}

/// A location or party as listed.
public struct PlaceSummary: Codable, Sendable, Equatable {
  public var code: String
  public var name: String
  public var kind: String
  public var reserve: Bool
  public var licence: String?
  public var licenceExpires: String?
  public var leadTimeDays: Int?

  init(_ account: AccountRecord) {
    code = account.code
    name = account.name
    kind = account.kind.rawValue
    reserve = account.isReserve
    licence = account.licence
    licenceExpires = account.licenceExpires?.description
    leadTimeDays = account.leadTimeDays
  }
}

extension Depot {
  /// Adds a location (admin only).
  public func addLocation(_ request: NewLocation, _ context: WriteContext) throws -> PlaceSummary {
    try perform(request, context, roles: [.admin], action: "add locations") { session in
      guard !request.isReserve || request.kind == .warehouse else {
        throw DepotError.invalidOption(field: .reserve, reason: "applies to warehouses only")
      }
      let kind = AccountRecord.Kind(rawValue: request.kind.rawValue)!
      return try addAccount(
        code: request.code, name: request.name, kind: kind, isReserve: request.isReserve,
        session: session, noun: "location")
    }
  }

  /// Adds an outside party (admin only).
  public func addParty(_ request: NewParty, _ context: WriteContext) throws -> PlaceSummary {
    try perform(request, context, roles: [.admin], action: "add parties") { session in
      guard request.kind == .contractor || (request.licence == nil && request.licenceExpires == nil)
      else {
        throw DepotError.invalidOption(
          field: .licence, reason: "applies to disposal contractors only")
      }
      let licence = try Text.checkedOptionalIdentifier(
        request.licence, field: .licence, maximumLength: 64)
      let kind = AccountRecord.Kind(rawValue: request.kind.rawValue)!
      return try addAccount(
        code: request.code, name: request.name, kind: kind, licence: licence,
        licenceExpires: request.licenceExpires, session: session, noun: "party")
    }
  }

  /// Changes a location's name or reserve flag (admin).
  public func setLocation(_ request: LocationSetting, _ context: WriteContext) throws
    -> PlaceSummary
  {
    try perform(request, context, roles: [.admin], action: "change locations") { session in
      guard request.name != nil || request.isReserve != nil else {
        throw DepotError.nothingToChange(command: request.command, fields: [.name, .reserve])
      }
      let account = try session.location(request.code)
      var updated = account
      if let name = request.name { updated.name = try Text.checked(name, field: .name) }
      if let isReserve = request.isReserve {
        guard !isReserve || account.kind == .warehouse else {
          throw DepotError.invalidOption(field: .reserve, reason: "applies to warehouses only")
        }
        updated.isReserve = isReserve
      }
      return try changeAccount(account, to: updated, noun: "location", session)
    }
  }

  /// Stores `updated` in place of `account` and records what changed; refused when nothing
  /// did.
  func changeAccount(
    _ account: AccountRecord, to updated: AccountRecord, noun: String, _ session: Session
  ) throws -> PlaceSummary {
    let changes: [(String, String?, String?)] = [
      ("name", account.name, updated.name),
      ("reserve", account.isReserve ? "yes" : "no", updated.isReserve ? "yes" : "no"),
      ("licence", account.licence, updated.licence),
      ("licenceExpires", account.licenceExpires?.description, updated.licenceExpires?.description),
      ("leadTime", account.leadTimeDays.map(String.init), updated.leadTimeDays.map(String.init)),
    ].filter { $0.1 != $0.2 }
    guard !changes.isEmpty else { throw DepotError.alreadySet(subject: account.code) }
    try session.transaction.updateAccount(updated)
    try session.record(
      subject: "\(noun) \(account.code)", action: "\(noun).set",
      payload: Payload([("code", account.code)] + changes.map { ($0.0, $0.2) }))
    return PlaceSummary(updated)
  }

  /// Every location, or every party, by code.
  public func places(parties: Bool, as actor: String?) throws -> [PlaceSummary] {
    let kinds: [AccountRecord.Kind] =
      parties ? [.supplier, .donor, .contractor] : [.warehouse, .site, .wastePoint]
    return try read(as: actor) { session in
      try session.transaction.accounts(kinds: kinds).map(PlaceSummary.init)
    }
  }

  private func addAccount(
    code rawCode: String, name rawName: String, kind: AccountRecord.Kind, isReserve: Bool = false,
    licence: String? = nil, licenceExpires: Day? = nil, session: Session, noun: String
  ) throws -> PlaceSummary {
    let code = try Text.checkedCode(rawCode, field: .code)
    let name = try Text.checked(rawName, field: .name)
    if let existing = try session.transaction.account(codeInAnyCase: code) {
      throw DepotError.duplicateCode(kind: existing.kind.rawValue, code: existing.code)
    }
    let account = try session.transaction.insertAccount(
      AccountRecord(
        code: code, name: name, kind: kind, isReserve: isReserve, licence: licence,
        licenceExpires: licenceExpires, createdAt: session.now))
    try session.record(
      subject: "\(noun) \(code)", action: "\(noun).add",
      payload: Payload([
        ("code", code), ("name", name), ("kind", kind.rawValue),
        ("reserve", isReserve ? "yes" : nil), ("licence", licence),
        ("licenceExpires", licenceExpires?.description),
      ]))
    return PlaceSummary(account)
  }
}
