import Foundation
import Ledger
import Macros

/// `depot office set`: the office's settings (SPEC §10). A new time zone takes effect at the
/// start of the office's next day, so that no day is split between two clocks; a new
/// hand-over tolerance at once.
@MemberwiseInit
public struct OfficeChange: DepotRequest {
  public typealias Result = OfficeSummary
  /// An IANA time zone name: `Asia/Shanghai`.
  public var timezone: String? = nil
  /// How far a re-measured waste load may differ from its collected weight, in whole percent.
  public var handoverTolerancePercent: Int? = nil

  public var command: String { "office set" }
  public var inputs: [(Field, String)] {
    (timezone.map { [(.timezone, $0)] } ?? [])
      + (handoverTolerancePercent.map { [(.handoverTolerance, String($0))] } ?? [])
  }
}

/// The office's settings as they stand, with a time zone change that waits for the next day.
public struct OfficeSummary: Codable, Sendable, Equatable {
  public var office: String
  public var timezone: String
  /// The time zone the office changes to, and when.
  public var nextTimezone: String?
  public var nextTimezoneFrom: Moment?
  public var handoverTolerancePercent: Int
}

/// The office's settings in effect at one instant: the latest change of each that took
/// effect by then, else the office's first value.
struct OfficeSettings {
  /// The hand-over weight tolerance of an office that never set one, in percent.
  static let defaultHandoverTolerancePercent = 10

  let timeZoneName: String
  let handoverTolerancePercent: Int

  /// The settings in effect at `moment`.
  init(at moment: Moment, office: OfficeRecord, changes: [OfficeSettingRecord]) {
    func latest(_ setting: OfficeSettingName) -> String? {
      changes.filter { $0.setting == setting && $0.effectiveFrom <= moment }
        .max { ($0.effectiveFrom, $0.id) < ($1.effectiveFrom, $1.id) }?.value
    }
    timeZoneName = latest(.timezone) ?? office.timezone
    handoverTolerancePercent =
      latest(.handoverTolerance).flatMap { Int($0) } ?? Self.defaultHandoverTolerancePercent
  }

  /// The settings in effect at `moment` in the office of `transaction`.
  init(at moment: Moment, in transaction: any LedgerTransaction) throws {
    self.init(
      at: moment, office: try Session.office(in: transaction),
      changes: try transaction.officeSettings())
  }

  /// The office's time zone; UTC where the stored name is none.
  var timeZone: TimeZone { TimeZone(identifier: timeZoneName) ?? LocalTime.utc.timeZone }
}

extension Depot {
  /// Changes the office's settings (admin): each value given must differ from the one it
  /// replaces, and at least one must be given.
  public func changeOffice(_ request: OfficeChange, _ context: WriteContext) throws
    -> OfficeSummary
  {
    try perform(request, context, roles: [.admin], action: "change the office's settings") {
      session in
      guard request.timezone != nil || request.handoverTolerancePercent != nil else {
        throw DepotError.nothingToChange(
          command: request.command, fields: [.timezone, .handoverTolerance])
      }
      let tomorrow = Moment.start(of: session.today.adding(days: 1), in: session.timeZone)
      let pending = OfficeSettings(
        at: tomorrow, office: session.office, changes: try session.transaction.officeSettings())
      var changes: [(OfficeSettingName, String, Moment)] = []
      if let zone = request.timezone {
        guard TimeZone(identifier: zone) != nil else { throw DepotError.invalidTimeZone(zone) }
        if zone != pending.timeZoneName { changes.append((.timezone, zone, tomorrow)) }
      }
      if let percent = request.handoverTolerancePercent {
        guard (0...100).contains(percent) else {
          throw DepotError.invalidOption(
            field: .handoverTolerance, reason: "must be a whole percentage from 0 to 100")
        }
        if percent != session.settings.handoverTolerancePercent {
          changes.append((.handoverTolerance, String(percent), session.now))
        }
      }
      guard !changes.isEmpty else { throw DepotError.alreadySet(subject: "the office") }
      var payload = Payload()
      for (setting, value, from) in changes {
        try session.transaction.insertOfficeSetting(
          OfficeSettingRecord(
            setting: setting, value: value, effectiveFrom: from, recordedBy: session.actor.id,
            recordedAt: session.now))
        payload.append(setting.rawValue, value)
        payload.append("\(setting.rawValue)-from", from.description)
      }
      try session.record(subject: "office", action: "office.set", payload: payload)
      return try Self.officeSummary(session)
    }
  }

  /// The office's settings (every registered user).
  public func office(as actor: String?) throws -> OfficeSummary {
    try read(as: actor) { try Self.officeSummary($0) }
  }

  private static func officeSummary(_ session: Session) throws -> OfficeSummary {
    let changes = try session.transaction.officeSettings()
    let next = changes.filter { $0.setting == .timezone && $0.effectiveFrom > session.now }
      .max { ($0.effectiveFrom, $0.id) < ($1.effectiveFrom, $1.id) }
    let current = OfficeSettings(at: session.now, office: session.office, changes: changes)
    return OfficeSummary(
      office: session.office.name, timezone: current.timeZoneName,
      nextTimezone: next.map(\.value), nextTimezoneFrom: next?.effectiveFrom,
      handoverTolerancePercent: current.handoverTolerancePercent)
  }
}
