import GRDB
import Ledger

extension SQLiteTransaction: MasterDataLedger {
  /// Renames an item.
  public func renameItem(_ itemID: Int64, to name: String) throws {
    try execute(sql: "UPDATE item SET name = ? WHERE id = ?", arguments: [name, itemID])
  }

  /// Defines a pack of an item, or gives an existing one another size.
  public func setPack(ofItem itemID: Int64, name: String, baseQuantity: Int64) throws {
    try execute(
      sql: """
        INSERT INTO item_pack (item_id, name, base_quantity) VALUES (?, ?, ?)
        ON CONFLICT (item_id, name) DO UPDATE SET base_quantity = excluded.base_quantity
        """, arguments: [itemID, name, baseQuantity])
  }

  /// Whether anything was ever recorded for the item: a lot, a request line or an order line.
  public func itemIsUsed(_ itemID: Int64) throws -> Bool {
    try Bool.fetchOne(
      cached(
        """
        SELECT EXISTS (SELECT 1 FROM lot WHERE item_id = ?1)
          OR EXISTS (SELECT 1 FROM issuance_line WHERE item_id = ?1)
          OR EXISTS (SELECT 1 FROM purchase_request_line WHERE item_id = ?1)
          OR EXISTS (SELECT 1 FROM purchase_order_line WHERE item_id = ?1)
        """), arguments: [itemID]) ?? true
  }

  /// Stores an account's name, reserve flag, licence and lead time as given.
  public func updateAccount(_ account: AccountRecord) throws {
    try execute(
      sql: """
        UPDATE account SET name = ?, is_reserve = ?, licence = ?, licence_expires = ?,
          lead_time_days = ?
        WHERE id = ?
        """,
      arguments: [
        account.name, account.isReserve, account.licence, account.licenceExpires,
        account.leadTimeDays, account.id,
      ])
  }

  /// Takes a role away from a user.
  public func revoke(role: String, fromUser userID: Int64) throws {
    try execute(
      sql: "DELETE FROM user_role WHERE user_id = ? AND role = ?", arguments: [userID, role])
  }

  /// Unbinds a user from a site.
  public func unbind(user userID: Int64, fromSite accountID: Int64) throws {
    try execute(
      sql: "DELETE FROM user_site WHERE user_id = ? AND account_id = ?",
      arguments: [userID, accountID])
  }

  /// A user's profile, or nil if nothing was ever set for them.
  public func userProfile(ofUser userID: Int64) throws -> UserProfileRecord? {
    try UserProfileRecord.fetchOne(
      cached("SELECT * FROM user_profile WHERE user_id = ?"), arguments: [userID])
  }

  /// Stores a user's profile, creating it on first use.
  public func saveUserProfile(_ profile: UserProfileRecord) throws {
    try execute(
      sql: """
        INSERT INTO user_profile (user_id, display_name, deactivated_at, deactivation_reason)
        VALUES (?1, ?2, ?3, ?4)
        ON CONFLICT (user_id) DO UPDATE SET display_name = ?2, deactivated_at = ?3,
          deactivation_reason = ?4
        """,
      arguments: [
        profile.userId, profile.displayName, profile.deactivatedAt, profile.deactivationReason,
      ])
  }

  /// Every change of the office's settings, oldest first.
  public func officeSettings() throws -> [OfficeSettingRecord] {
    try OfficeSettingRecord.fetchAll(cached("SELECT * FROM office_setting ORDER BY id"))
  }

  /// Records a change of an office setting.
  public func insertOfficeSetting(_ setting: OfficeSettingRecord) throws {
    try execute(
      sql: """
        INSERT INTO office_setting (setting, value, effective_from, recorded_by, recorded_at)
        VALUES (?, ?, ?, ?, ?)
        """,
      arguments: [
        setting.setting, setting.value, setting.effectiveFrom, setting.recordedBy,
        setting.recordedAt,
      ])
  }
}
