import Ledger
import Macros

/// `depot user set NAME`: a user's display name, or the whole set of sites they are bound to.
@MemberwiseInit
public struct UserSetting: DepotRequest {
  public typealias Result = UserSummary
  public var name: String
  public var displayName: String? = nil
  /// The sites the user is bound to from now on, replacing those they are bound to; nil
  /// leaves them as they are.
  public var sites: [String]? = nil

  public var command: String { "user set" }
  public var inputs: [(Field, String)] {
    [(.user, name)] + (displayName.map { [(.displayName, $0)] } ?? [])
      + (sites ?? []).map { (.site, $0) }
  }
}

/// `depot user deactivate NAME --reason`: the user can no longer act or sign; their records
/// stay.
@MemberwiseInit
public struct UserDeactivation: DepotRequest {
  public typealias Result = UserSummary
  public var name: String
  public var reason: String

  public var command: String { "user deactivate" }
  public var inputs: [(Field, String)] { [(.user, name), (.reason, reason)] }
}

/// `depot user revoke NAME --role ROLE --reason`: takes roles away from a user.
@MemberwiseInit
public struct RoleRevocation: DepotRequest {
  public typealias Result = UserSummary
  public var name: String
  public var roles: [Role]
  public var reason: String

  public var command: String { "user revoke" }
  public var inputs: [(Field, String)] {
    [(.user, name)] + roles.map { (.role, $0.rawValue) } + [(.reason, reason)]
  }
}

extension Depot {
  /// Sets a user's display name or the sites they are bound to (admin).
  public func setUser(_ request: UserSetting, _ context: WriteContext) throws -> UserSummary {
    try perform(request, context, roles: [.admin], action: "change users") { session in
      guard request.displayName != nil || request.sites != nil else {
        throw DepotError.nothingToChange(command: request.command, fields: [.displayName, .site])
      }
      let transaction = session.transaction
      let user = try session.user(request.name)
      let profile =
        try transaction.userProfile(ofUser: user.id) ?? UserProfileRecord(userId: user.id)
      var payload = Payload([("user", user.name)])
      if let given = request.displayName {
        let displayName = try Text.checked(given, field: .displayName)
        if displayName != profile.displayName {
          var changed = profile
          changed.displayName = displayName
          try transaction.saveUserProfile(changed)
          payload.append("displayName", displayName)
        }
      }
      if let given = request.sites {
        let bound = try transaction.sites(ofUser: user.id)
        var wanted: [AccountRecord] = []
        for code in given {
          let site = try session.location(code, kind: .site)
          if !wanted.contains(where: { $0.id == site.id }) { wanted.append(site) }
        }
        let binding = wanted.filter { site in !bound.contains { $0.id == site.id } }
        let unbinding = bound.filter { site in !wanted.contains { $0.id == site.id } }
        for site in binding { try transaction.bind(user: user.id, toSite: site.id) }
        for site in unbinding { try transaction.unbind(user: user.id, fromSite: site.id) }
        if wanted.isEmpty, try transaction.roles(ofUser: user.id).contains(Role.requester.rawValue)
        {
          throw DepotError.invalidOption(
            field: .site, reason: "is needed for a requester: requesters are bound to their sites")
        }
        if !binding.isEmpty { payload.append("bind", binding.map(\.code).joined(separator: ",")) }
        if !unbinding.isEmpty {
          payload.append("unbind", unbinding.map(\.code).joined(separator: ","))
        }
      }
      guard payload.fields.count > 1 else { throw DepotError.alreadySet(subject: user.name) }
      try session.record(subject: "user \(user.name)", action: "user.set", payload: payload)
      return try summary(of: user, transaction)
    }
  }

  /// Deactivates a user (admin): every key they hold is revoked, so they sign nothing from
  /// now on, and every command as them is refused; what they recorded stays.
  public func deactivateUser(_ request: UserDeactivation, _ context: WriteContext) throws
    -> UserSummary
  {
    try perform(request, context, roles: [.admin], action: "deactivate users") { session in
      let transaction = session.transaction
      let (user, reason) = try Self.userAndReason(request.name, request.reason, session)
      var profile =
        try transaction.userProfile(ofUser: user.id) ?? UserProfileRecord(userId: user.id)
      guard profile.deactivatedAt == nil else {
        throw DepotError.alreadyDeactivated(user: user.name)
      }
      try requireAnotherAdmin(besides: user, session)
      for key in try transaction.keys(ofUser: user.id) where key.state != .retired {
        try Self.revoke(key, of: user, session)
      }
      profile.deactivatedAt = session.now
      profile.deactivationReason = reason
      try transaction.saveUserProfile(profile)
      try session.record(
        subject: "user \(user.name)", action: "user.deactivate", reason: reason,
        payload: Payload([("user", user.name)]))
      return try summary(of: user, transaction)
    }
  }

  /// Takes roles away from a user (admin); the office keeps an admin who can sign.
  public func revokeRoles(_ request: RoleRevocation, _ context: WriteContext) throws
    -> UserSummary
  {
    try perform(request, context, roles: [.admin], action: "revoke roles") { session in
      let transaction = session.transaction
      let (user, reason) = try Self.userAndReason(request.name, request.reason, session)
      guard !request.roles.isEmpty else {
        throw DepotError.invalidOption(field: .role, reason: "must name at least one role")
      }
      let held = try transaction.roles(ofUser: user.id)
      for role in request.roles where !held.contains(role.rawValue) {
        throw DepotError.roleNotHeld(user: user.name, role: role)
      }
      if request.roles.contains(.admin) { try requireAnotherAdmin(besides: user, session) }
      for role in request.roles { try transaction.revoke(role: role.rawValue, fromUser: user.id) }
      try session.record(
        subject: "user \(user.name)", action: "user.revoke", reason: reason,
        payload: Payload([
          ("user", user.name), ("roles", request.roles.map(\.rawValue).joined(separator: ",")),
        ]))
      return try summary(of: user, transaction)
    }
  }

  /// The user a change is for and why, as checked.
  private static func userAndReason(_ name: String, _ reason: String, _ session: Session) throws
    -> (UserRecord, String)
  {
    (
      try session.user(name),
      try Text.checked(reason, field: .reason, maximumLength: 2000, lineBreaks: true)
    )
  }

  /// Refuses unless an admin other than `user` holds an active key.
  private func requireAnotherAdmin(besides user: UserRecord, _ session: Session) throws {
    let transaction = session.transaction
    for other in try transaction.users() where other.id != user.id {
      if try transaction.roles(ofUser: other.id).contains(Role.admin.rawValue),
        try transaction.keys(ofUser: other.id).contains(where: { $0.state == .active })
      {
        return
      }
    }
    guard try !transaction.roles(ofUser: user.id).contains(Role.admin.rawValue) else {
      throw DepotError.lastActiveAdmin(user: user.name)
    }
  }
}
