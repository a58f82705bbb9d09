import ArgumentParser
import Inventory
import Output

/// `depot user`: people and their roles.
struct UserCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "user", abstract: "Register users and their roles.",
    subcommands: [Add.self, Grant.self, List.self])

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

  struct List: EngineCommand {
    static let configuration = CommandConfiguration(
      commandName: "list",
      abstract: "List users, their roles, sites and keys.",
      discussion: "Example:\n  depot user list --as chen")

    @OptionGroup var global: GlobalOptions

    func run(on depot: Depot) throws {
      try emit(try depot.users(as: global.actingUser)) { users in
        var table = Table([.init("User"), .init("Roles"), .init("Sites"), .init("Key")])
        for user in users {
          table.append([
            user.name, user.roles.map(\.rawValue).joined(separator: ", "),
            user.sites.joined(separator: ", "), user.key ?? "none",
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
  return "\(user.name): \(user.roles.map(\.rawValue).joined(separator: ", "))\(sites)"
}
