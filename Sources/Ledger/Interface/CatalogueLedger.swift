import Foundation

/// The catalogue: the office, users and roles, items and packs, accounts (locations and parties).
public protocol CatalogueLedger {
  /// The office, or nil before `init`.
  func office() throws -> OfficeRecord?

  /// Records the office; only once per database.
  func insertOffice(_ office: OfficeRecord) throws

  /// The user with this name, if registered.
  func user(named name: String) throws -> UserRecord?

  /// The user whose name is this one in any letter case (names are unique ignoring case).
  func user(namedInAnyCase name: String) throws -> UserRecord?

  /// The user with this id.
  func user(id: Int64) throws -> UserRecord?

  /// Every registered user, by name.
  func users() throws -> [UserRecord]

  /// Registers a user and returns the stored record.
  func insertUser(name: String, createdAt: Moment) throws -> UserRecord

  /// The roles a user holds.
  func roles(ofUser userID: Int64) throws -> [String]

  /// Grants a role; granting one already held changes nothing.
  func grant(role: String, toUser userID: Int64) throws

  /// The sites a user is bound to.
  func sites(ofUser userID: Int64) throws -> [AccountRecord]

  /// Binds a user to a site; binding one already bound changes nothing.
  func bind(user userID: Int64, toSite accountID: Int64) throws

  /// The item with this code, if catalogued.
  func item(code: String) throws -> ItemRecord?

  /// The item whose code is this one in any letter case (codes are unique ignoring case).
  func item(codeInAnyCase code: String) throws -> ItemRecord?

  /// The item with this id.
  func item(id: Int64) throws -> ItemRecord?

  /// Every item, by code.
  func items() throws -> [ItemRecord]

  /// Catalogues an item with its pack sizes and returns the stored record.
  func insertItem(
    code: String, name: String, category: String, baseUnit: String, tracking: Tracking,
    packs: [(name: String, baseQuantity: Int64)], createdAt: Moment
  ) throws -> ItemRecord

  /// The pack sizes of an item, smallest first.
  func packs(ofItem itemID: Int64) throws -> [ItemPackRecord]

  /// The account with this code, if any.
  func account(code: String) throws -> AccountRecord?

  /// The account whose code is this one in any letter case (codes are unique ignoring case).
  func account(codeInAnyCase code: String) throws -> AccountRecord?

  /// The account with this id.
  func account(id: Int64) throws -> AccountRecord?

  /// The accounts of the given kinds, by code.
  func accounts(kinds: [AccountRecord.Kind]) throws -> [AccountRecord]

  /// Adds an account and returns the stored record.
  func insertAccount(_ account: AccountRecord) throws -> AccountRecord

  /// The latest closed month ("2026-11"), if any.
  func lastClosedPeriod() throws -> String?
}
