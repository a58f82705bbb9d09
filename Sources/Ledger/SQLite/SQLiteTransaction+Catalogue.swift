import GRDB
import Ledger

extension SQLiteTransaction: CatalogueLedger {
  // MARK: Office

  /// The office, or nil before `init`.
  public func office() throws -> OfficeRecord? {
    try OfficeRecord.fetchOne(cached("SELECT * FROM office WHERE id = 1"))
  }

  /// Records the office; only once per database.
  public func insertOffice(_ office: OfficeRecord) throws {
    try office.insert(db)
  }

  // MARK: Users

  /// The user with this name, if registered.
  public func user(named name: String) throws -> UserRecord? {
    try UserRecord.fetchOne(cached("SELECT * FROM users WHERE name = ?"), arguments: [name])
  }

  /// The user whose name is this one in any letter case (names are unique ignoring case).
  public func user(namedInAnyCase name: String) throws -> UserRecord? {
    try UserRecord.fetchOne(
      cached("SELECT * FROM users WHERE name = ? COLLATE NOCASE"), arguments: [name])
  }

  /// The user with this id.
  public func user(id: Int64) throws -> UserRecord? {
    try UserRecord.fetchOne(cached("SELECT * FROM users WHERE id = ?"), arguments: [id])
  }

  /// Every registered user, by name.
  public func users() throws -> [UserRecord] {
    try UserRecord.fetchAll(cached("SELECT * FROM users ORDER BY name"))
  }

  /// Registers a user and returns the stored record.
  public func insertUser(name: String, createdAt: Moment) throws -> UserRecord {
    try execute(
      sql: "INSERT INTO users (name, created_at) VALUES (?, ?)", arguments: [name, createdAt])
    return UserRecord(id: db.lastInsertedRowID, name: name, createdAt: createdAt)
  }

  /// The roles a user holds.
  public func roles(ofUser userID: Int64) throws -> [String] {
    try String.fetchAll(
      cached("SELECT role FROM user_role WHERE user_id = ? ORDER BY role"), arguments: [userID])
  }

  /// Grants a role; granting one already held changes nothing.
  public func grant(role: String, toUser userID: Int64) throws {
    try execute(
      sql: "INSERT OR IGNORE INTO user_role (user_id, role) VALUES (?, ?)",
      arguments: [userID, role])
  }

  /// The sites a user is bound to.
  public func sites(ofUser userID: Int64) throws -> [AccountRecord] {
    try AccountRecord.fetchAll(
      cached(
        """
        SELECT account.* FROM account JOIN user_site ON user_site.account_id = account.id
        WHERE user_site.user_id = ? ORDER BY account.code
        """), arguments: [userID])
  }

  /// Binds a user to a site; binding one already bound changes nothing.
  public func bind(user userID: Int64, toSite accountID: Int64) throws {
    try execute(
      sql: "INSERT OR IGNORE INTO user_site (user_id, account_id) VALUES (?, ?)",
      arguments: [userID, accountID])
  }

  // MARK: Items

  /// The item with this code, if catalogued.
  public func item(code: String) throws -> ItemRecord? {
    try ItemRecord.fetchOne(cached("SELECT * FROM item WHERE code = ?"), arguments: [code])
  }

  /// The item whose code is this one in any letter case (codes are unique ignoring case).
  public func item(codeInAnyCase code: String) throws -> ItemRecord? {
    try ItemRecord.fetchOne(
      cached("SELECT * FROM item WHERE code = ? COLLATE NOCASE"), arguments: [code])
  }

  /// The item with this id.
  public func item(id: Int64) throws -> ItemRecord? {
    try ItemRecord.fetchOne(cached("SELECT * FROM item WHERE id = ?"), arguments: [id])
  }

  /// Every item, by code.
  public func items() throws -> [ItemRecord] {
    try ItemRecord.fetchAll(cached("SELECT * FROM item ORDER BY code"))
  }

  /// Catalogues an item with its pack sizes and returns the stored record.
  public func insertItem(
    code: String, name: String, category: String, baseUnit: String, tracking: Tracking,
    packs: [(name: String, baseQuantity: Int64)], createdAt: Moment
  ) throws -> ItemRecord {
    try execute(
      sql: """
        INSERT INTO item (code, name, category, base_unit, tracking, created_at)
        VALUES (?, ?, ?, ?, ?, ?)
        """, arguments: [code, name, category, baseUnit, tracking.rawValue, createdAt])
    let item = ItemRecord(
      id: db.lastInsertedRowID, code: code, name: name, category: category, baseUnit: baseUnit,
      tracking: tracking, createdAt: createdAt)
    for pack in packs {
      try ItemPackRecord(itemId: item.id, name: pack.name, baseQuantity: pack.baseQuantity)
        .insert(db)
    }
    return item
  }

  /// The pack sizes of an item, smallest first.
  public func packs(ofItem itemID: Int64) throws -> [ItemPackRecord] {
    try ItemPackRecord.fetchAll(
      cached("SELECT * FROM item_pack WHERE item_id = ? ORDER BY base_quantity, name"),
      arguments: [itemID])
  }

  // MARK: Accounts

  /// The account with this code, if any.
  public func account(code: String) throws -> AccountRecord? {
    try AccountRecord.fetchOne(cached("SELECT * FROM account WHERE code = ?"), arguments: [code])
  }

  /// The account whose code is this one in any letter case (codes are unique ignoring case).
  public func account(codeInAnyCase code: String) throws -> AccountRecord? {
    try AccountRecord.fetchOne(
      cached("SELECT * FROM account WHERE code = ? COLLATE NOCASE"), arguments: [code])
  }

  /// The account with this id.
  public func account(id: Int64) throws -> AccountRecord? {
    try AccountRecord.fetchOne(cached("SELECT * FROM account WHERE id = ?"), arguments: [id])
  }

  /// The accounts of the given kinds, by code.
  public func accounts(kinds: [AccountRecord.Kind]) throws -> [AccountRecord] {
    try AccountRecord.fetchAll(
      cached(
        "SELECT * FROM account WHERE kind IN (\(kinds.map { _ in "?" }.joined(separator: ",")))"
          + " ORDER BY code"), arguments: StatementArguments(kinds.map(\.rawValue)))
  }

  /// Adds an account and returns the stored record.
  public func insertAccount(_ account: AccountRecord) throws -> AccountRecord {
    try execute(
      sql: """
        INSERT INTO account
          (code, name, kind, is_reserve, licence, licence_expires, lead_time_days, created_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?)
        """,
      arguments: [
        account.code, account.name, account.kind, account.isReserve, account.licence,
        account.licenceExpires, account.leadTimeDays, account.createdAt,
      ])
    var stored = account
    stored.id = db.lastInsertedRowID
    return stored
  }

  // MARK: Periods

  /// The latest closed month ("2026-11"), if any.
  public func lastClosedPeriod() throws -> String? {
    try String.fetchOne(cached("SELECT max(period) FROM period_close"))
  }
}
