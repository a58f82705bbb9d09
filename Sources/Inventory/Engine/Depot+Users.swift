import Ledger

/// `depot user add`: a new user with roles and, for requesters, sites.
public struct NewUser: DepotRequest {
  public typealias Result = UserSummary
  public var command: String { "user add" }
  public var name: String
  public var roles: [Role]
  public var sites: [String]

  public init(name: String, roles: [Role], sites: [String] = []) {
    self.name = name
    self.roles = roles
    self.sites = sites
  }

  public var inputs: [(Field, String)] {
    [(.user, name)] + roles.map { (.role, $0.rawValue) } + sites.map { (.site, $0) }
  }
}

/// `depot user grant`: more roles or sites for an existing user.
public struct UserGrant: DepotRequest {
  public typealias Result = UserSummary
  public var command: String { "user grant" }
  public var name: String
  public var roles: [Role]
  public var sites: [String]

  public init(name: String, roles: [Role], sites: [String] = []) {
    self.name = name
    self.roles = roles
    self.sites = sites
  }

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
}

extension Depot {
  /// Registers a user (admin only).
  public func addUser(_ request: NewUser, _ context: WriteContext) throws -> UserSummary {
    try perform(request, context, roles: [.admin], action: "add users") { session in
      let name = try Text.checkedCode(
        Text.checked(request.name, field: .user, maximumLength: 32), field: .user)
      if let existing = try session.transaction.user(namedInAnyCase: name) {
        throw DepotError.duplicateUser(existing.name)
      }
      let user = try session.transaction.insertUser(name: name, createdAt: session.now)
      return try grant(
        request.roles, sites: request.sites, to: user, session, action: "user.add", isNew: true)
    }
  }

  /// Gives an existing user more roles or sites (admin only).
  public func grantUser(_ request: UserGrant, _ context: WriteContext) throws -> UserSummary {
    try perform(request, context, roles: [.admin], action: "change users") { session in
      guard let user = try session.transaction.user(named: request.name) else {
        throw DepotError.unknownUser(request.name)
      }
      return try grant(request.roles, sites: request.sites, to: user, session, action: "user.grant")
    }
  }

  /// Every user with roles, sites and key state.
  public func users(as actor: String?) throws -> [UserSummary] {
    try read(as: actor) { session in
      try session.transaction.users().map { try summary(of: $0, session.transaction) }
    }
  }

  private func grant(
    _ roles: [Role], sites: [String], to user: UserRecord, _ session: Session, action: String,
    isNew: Bool = false
  ) throws -> UserSummary {
    let transaction = session.transaction
    guard !roles.isEmpty || !sites.isEmpty else {
      throw DepotError.invalidOption(field: .role, reason: "must name at least one role")
    }
    var siteCodes: [String] = []
    for code in sites {
      let site = try session.location(code)
      guard site.kind == .site else {
        throw DepotError.wrongKind(code: code, kind: site.kind.rawValue, expected: "site")
      }
      try transaction.bind(user: user.id, toSite: site.id)
      siteCodes.append(site.code)
    }
    for role in roles { try transaction.grant(role: role.rawValue, toUser: user.id) }
    let summary = try summary(of: user, transaction)
    if summary.roles.contains(.requester) && summary.sites.isEmpty {
      throw DepotError.invalidOption(
        field: .site, reason: "is needed for a requester: requesters are bound to their sites")
    }
    try session.record(
      subject: "user \(user.name)", action: action,
      payload: Payload([
        ("user", user.name), ("id", isNew ? String(user.id) : nil),
        ("roles", roles.map(\.rawValue).joined(separator: ",")),
        ("sites", siteCodes.joined(separator: ",")),
      ]))
    return summary
  }

  private func summary(of user: UserRecord, _ transaction: any LedgerTransaction) throws
    -> UserSummary
  {
    let keys = try transaction.keys(ofUser: user.id)
    let key =
      keys.contains { $0.state == .active }
      ? "active" : keys.contains { $0.state == .pending } ? "pending" : nil
    return UserSummary(
      name: user.name,
      roles: try transaction.roles(ofUser: user.id).compactMap(Role.init(rawValue:)).sorted(),
      sites: try transaction.sites(ofUser: user.id).map(\.code), key: key)
  }
}
