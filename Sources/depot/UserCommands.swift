import ArgumentParser
import Inventory
import Output

/// `depot user`: people and their roles.
struct UserCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "user", abstract: "Register users, change, deactivate and list them.",
    subcommands: [
      Add.self, Grant.self, Set.self, Revoke.self, Deactivate.self, List.self,
    ])

  struct Add: UserChangeCommand {
    static let configuration = CommandConfiguration(
      commandName: "add",
      abstract: "Register a user with one or more roles (admin).",
      discussion: """
        Roles: admin, clerk, approver, requester, finance, auditor. Requesters are bound to \
        their sites with --site.

        Example:
          depot user add wang --role clerk --as chen
          depot user add li --role requester --site SITE-CP3 --as chen
        """)

    @OptionGroup var global: GlobalOptions
    @OptionGroup var reference: ReferenceOption
    @Argument(help: "The user's name.") var name: String
    @Option(help: "A role (repeatable).") var role: [String] = []
    @Option(help: "A site the user is bound to (repeatable).") var site: [String] = []

    static let change = UserChange.Kind.add

    func validate() throws {
      guard !role.isEmpty else { throw ValidationError("'--role' is required: give at least one") }
      _ = try roles()
    }
  }

  struct Grant: UserChangeCommand {
    static let configuration = CommandConfiguration(
      commandName: "grant",
      abstract: "Give an existing user more roles or sites (admin).",
      discussion: """
        Example:
          depot user grant wang --role approver --as chen
        """)

    @OptionGroup var global: GlobalOptions
    @OptionGroup var reference: ReferenceOption
    @Argument(help: "The user's name.") var name: String
    @Option(help: "A role to add (repeatable).") var role: [String] = []
    @Option(help: "A site to bind (repeatable).") var site: [String] = []

    static let change = UserChange.Kind.grant

    func validate() throws {
      guard !role.isEmpty || !site.isEmpty else {
        throw ValidationError("give at least one '--role' or '--site'")
      }
      _ = try roles()
    }
  }

  struct Set: EngineCommand {
    static let configuration = CommandConfiguration(
      commandName: "set",
      abstract: "Change a user's display name or the sites they are bound to (admin).",
      discussion: """
        The name a user signs in with never changes. --site gives the whole set of sites from \
        now on: sites not named are unbound.

        Example:
          depot user set li --display-name "李医生" --as chen
          depot user set li --site SITE-CP3 --site SITE-CP4 --as chen
        """)

    @OptionGroup var global: GlobalOptions
    @OptionGroup var reference: ReferenceOption
    @Argument(help: "The user's name.") var name: String
    @Option(parsing: .unconditional, help: "The name shown beside the user's name.")
    var displayName: String?
    @Option(help: "A site the user is bound to from now on (repeatable).") var site: [String] = []

    func run(on depot: Depot) throws {
      let request = UserSetting(
        name: name, displayName: displayName, sites: site.isEmpty ? nil : site)
      try emit(try depot.setUser(request, global.context(reference))) { "Updated " + describe($0) }
    }
  }

  struct Revoke: EngineCommand {
    static let configuration = CommandConfiguration(
      commandName: "revoke",
      abstract: "Take roles away from a user (admin).",
      discussion: """
        What the user did under the role stays on record. The office's last admin with an \
        active key keeps the admin role.

        Example:
          depot user revoke zhao --role approver \\
            --reason "moved to the warehouse" --as chen
        """)

    @OptionGroup var global: GlobalOptions
    @OptionGroup var reference: ReferenceOption
    @Argument(help: "The user's name.") var name: String
    @Option(help: "A role to take away (repeatable).") var role: [String] = []
    @Option(parsing: .unconditional, help: "Why.") var reason: String

    func validate() throws {
      guard !role.isEmpty else { throw ValidationError("'--role' is required: give at least one") }
      _ = try roles()
    }

    func roles() throws -> [Role] { try role.map { try Parse.choice($0, flag: "--role") } }

    func run(on depot: Depot) throws {
      let request = RoleRevocation(name: name, roles: try roles(), reason: reason)
      try emit(try depot.revokeRoles(request, global.context(reference))) {
        "Updated " + describe($0)
      }
    }
  }

  struct Deactivate: EngineCommand {
    static let configuration = CommandConfiguration(
      commandName: "deactivate",
      abstract: "Deactivate a user: every key they hold is revoked (admin).",
      discussion: """
        A deactivated user can no longer act or sign; everything they recorded stays and \
        still verifies. A deactivation is never undone.

        Example:
          depot user deactivate zhao --reason "left the office" --as chen
        """)

    @OptionGroup var global: GlobalOptions
    @OptionGroup var reference: ReferenceOption
    @Argument(help: "The user's name.") var name: String
    @Option(parsing: .unconditional, help: "Why.") var reason: String

    func run(on depot: Depot) throws {
      let request = UserDeactivation(name: name, reason: reason)
      try emit(try depot.deactivateUser(request, global.context(reference))) {
        "Deactivated \($0.name); every key of \($0.name)'s is revoked"
      }
    }
  }

  struct List: EngineCommand {
    static let configuration = CommandConfiguration(
      commandName: "list",
      abstract: "List users, their roles, sites and keys.",
      discussion: "Example:\n  depot user list --as chen")

    @OptionGroup var global: GlobalOptions

    func run(on depot: Depot) throws {
      try emit(try depot.users(as: global.actingUser)) { users in
        var table = Table([
          .init("User"), .init("Name"), .init("Roles"), .init("Sites"), .init("Key"),
        ])
        for user in users {
          table.append([
            user.name, user.displayName ?? "", user.roles.map(\.rawValue).joined(separator: ", "),
            user.sites.joined(separator: ", "),
            user.deactivatedAt.map { "deactivated \($0.local)" } ?? user.key ?? "none",
          ])
        }
        return table.render()
      }
    }
  }
}

/// `depot user add` and `depot user grant`: one change to a user's roles and sites, printed
/// as the user then stands.
protocol UserChangeCommand: EngineCommand {
  static var change: UserChange.Kind { get }
  var reference: ReferenceOption { get }
  var name: String { get }
  var role: [String] { get }
  var site: [String] { get }
}

extension UserChangeCommand {
  /// The roles given, refused unless each is one.
  func roles() throws -> [Role] {
    try role.map { try Parse.choice($0, flag: "--role") }
  }

  func run(on depot: Depot) throws {
    let change = UserChange(Self.change, name: name, roles: try roles(), sites: site)
    let user = try depot.changeUser(change, global.context(reference))
    try emit(user) { (Self.change == .add ? "Added " : "Updated ") + describe($0) }
  }
}

private func describe(_ user: UserSummary) -> String {
  let sites = user.sites.isEmpty ? "" : " at \(user.sites.joined(separator: ", "))"
  return "\(user.name)\(user.displayName.map { " (\($0))" } ?? ""): "
    + "\(user.roles.map(\.rawValue).joined(separator: ", "))\(sites)"
}
