import Macros

/// What a user has beyond a name: a display name, and whether and why they were deactivated.
@MemberwiseInit
@ColumnKeys
public struct UserProfileRecord: LedgerRecord, Equatable {
  public var userId: Int64
  public var displayName: String? = nil
  /// When the user was deactivated: from then on they can no longer act or sign.
  public var deactivatedAt: Moment? = nil
  public var deactivationReason: String? = nil
}

/// An office setting that changes over time, as stored in `office_setting.setting`.
public enum OfficeSettingName: String, StoredCode, CaseIterable {
  /// The office's time zone, an IANA name.
  case timezone
  /// How far a waste load re-measured at hand-over may differ from its collected weight, in
  /// percent.
  case handoverTolerance = "handover-tolerance"

  public static let storedName = "office setting"
}

/// One change of an office setting, in effect from `effectiveFrom` on.
@MemberwiseInit
@ColumnKeys
public struct OfficeSettingRecord: LedgerRecord, Equatable {
  public var id: Int64 = 0
  public var setting: OfficeSettingName
  public var value: String
  public var effectiveFrom: Moment
  public var recordedBy: Int64
  public var recordedAt: Moment
}
