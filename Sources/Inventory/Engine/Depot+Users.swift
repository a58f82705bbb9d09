import Ledger

/// `depot user add` (a new user) and `depot user grant` (an existing one): roles and, for
/// requesters, sites.
public struct UserChange: DepotRequest {
  /// Whether the user is new or already registered.
  public enum Kind: String, Sendable, CaseIterable {
    case add, grant
  }

  public typealias Result = UserSummary
  public var kind: Kind
  public var name: String
  public var roles: [Role]
  public var sites: [String]

  public init(_ kind: Kind, name: String, roles: [Role], sites: [String] = []) {
    self.kind = kind
    self.name = name
    self.roles = roles
    self.sites = sites
  }

  public var command: String { "user \(kind.rawValue)" }
  public var inputs: [(Field, String)] {
    [(.user, name)] + roles.map { (.role, $0.rawValue) } + sites.map { (.site, $0) }
  }
}

/// A user as listed: roles, sites and where their key stands.
public struct UserSummary: Codable, Sendable, Equatable {
  public var name: String
  public var roles: [Role]
  public var sites: [String]
  /// `active`, `pending`, or nil when the user has no key.
  public var key: String?
  /// The name shown beside `name`, if one was set.
  public var displayName: String?
  /// When the user was deactivated, if they were.
  public var deactivatedAt: Moment?
}

extension Depot {
  /// Registers a user, or gives an existing user more roles or sites (admin only).
  public func changeUser(_ request: UserChange, _ context: WriteContext) throws -> UserSummary {
    let action = request.kind == .add ? "add users" : "change users"
    return try perform(request, context, roles: [.admin], action: action) { session in
      let user: UserRecord
      switch request.kind {
      case .add:
        let name = try Text.checkedCode(
          Text.checked(request.name, field: .user, maximumLength: 32), field: .user)
        if let existing = try session.transaction.user(namedInAnyCase: name) {
          throw DepotError.duplicateUser(existing.name)
        }
        user = try session.transaction.insertUser(name: name, createdAt: session.now)
      case .grant:
        user = try session.user(request.name)
      }
      return try grant(request, to: user, session)
    }
  }

  /// Every user with roles, sites and key state.
  public func users(as actor: String?) throws -> [UserSummary] {
    try read(as: actor) { session in
      try session.transaction.users().map { try summary(of: $0, session.transaction) }
    }
  }

  /// Gives `user` the change's roles and sites and records it.
  private func grant(_ change: UserChange, to user: UserRecord, _ session: Session) throws
    -> UserSummary
  {
    let transaction = session.transaction
    guard !change.roles.isEmpty || !change.sites.isEmpty else {
      throw DepotError.invalidOption(field: .role, reason: "must name at least one role")
    }
    var siteCodes: [String] = []
    for code in change.sites {
      let site = try session.location(code, kind: .site)
      try transaction.bind(user: user.id, toSite: site.id)
      siteCodes.append(site.code)
    }
    for role in change.roles { try transaction.grant(role: role.rawValue, toUser: user.id) }
    let summary = try summary(of: user, transaction)
    if summary.roles.contains(.requester) && summary.sites.isEmpty {
      throw DepotError.invalidOption(
        field: .site, reason: "is needed for a requester: requesters are bound to their sites")
    }
    try session.record(
      subject: "user \(user.name)", action: "user.\(change.kind.rawValue)",
      payload: Payload([
        ("user", user.name), ("id", change.kind == .add ? String(user.id) : nil),
        ("roles", change.roles.map(\.rawValue).joined(separator: ",")),
        ("sites", siteCodes.joined(separator: ",")),
      ]))
    return summary
  }

  func summary(of user: UserRecord, _ transaction: LedgerTransaction) throws
    -> UserSummary
  {
    let keys = try transaction.keys(ofUser: user.id)
    let key =
      keys.contains { $0.state == .active }
      ? "active" : keys.contains { $0.state == .pending } ? "pending" : nil
    let profile = try transaction.userProfile(ofUser: user.id)
    return UserSummary(
      name: user.name,
      roles: try transaction.roles(ofUser: user.id).compactMap(Role.init(rawValue:)).sorted(),
      sites: try transaction.sites(ofUser: user.id).map(\.code), key: key,
      displayName: profile?.displayName, deactivatedAt: profile?.deactivatedAt)
  }
}
