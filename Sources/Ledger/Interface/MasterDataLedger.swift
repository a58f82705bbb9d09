import Foundation

/// Master data as it changes (SPEC §10): names, packs, licences, roles, site bindings, user
/// profiles and office settings. Codes never change and no user, item or account is removed.
public protocol MasterDataLedger {
  /// Renames an item.
  func renameItem(_ itemID: Int64, to name: String) throws

  /// Defines a pack of an item, or gives an existing one another size.
  func setPack(ofItem itemID: Int64, name: String, baseQuantity: Int64) throws

  /// Whether anything was ever recorded for the item: a lot, a request line or an order line.
  func itemIsUsed(_ itemID: Int64) throws -> Bool

  /// Stores an account's name, reserve flag, licence and lead time as given.
  func updateAccount(_ account: AccountRecord) throws

  /// Takes a role away from a user.
  func revoke(role: String, fromUser userID: Int64) throws

  /// Unbinds a user from a site.
  func unbind(user userID: Int64, fromSite accountID: Int64) throws

  /// A user's profile, or nil if nothing was ever set for them.
  func userProfile(ofUser userID: Int64) throws -> UserProfileRecord?

  /// Stores a user's profile, creating it on first use.
  func saveUserProfile(_ profile: UserProfileRecord) throws

  /// Every change of the office's settings, oldest first.
  func officeSettings() throws -> [OfficeSettingRecord]

  /// Records a change of an office setting.
  func insertOfficeSetting(_ setting: OfficeSettingRecord) throws
}
