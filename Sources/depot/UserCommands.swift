import ArgumentParser
import Inventory
import Output

/// `depot user`: people and their roles.
struct UserCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "user", abstract: "Register users and their roles.",
    subcommands: [Add.self, Grant.self, List.self])

  struct Add: EngineCommand {
    static let configuration = CommandConfiguration(
      commandName: "add",
      abstract: "Register a user with one or more roles (admin).",
      discussion: """
        Roles: admin, clerk, approver, requester, finance, auditor. Requesters are bound to
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

    func validate() throws {
      guard !role.isEmpty else { throw ValidationError("'--role' is required: give at least one") }
      for role in role { let _: Role = try Parse.choice(role, flag: "--role") }
    }

    func run(on depot: Depot) throws {
      let roles = try role.map { (role: String) -> Role in try Parse.choice(role, flag: "--role") }
      let user = try depot.addUser(
        NewUser(name: name, roles: roles, sites: site), global.context(reference))
      try emit(user) { "Added \(describe($0))" }
    }
  }

  struct Grant: EngineCommand {
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

    func validate() throws {
      guard !role.isEmpty || !site.isEmpty else {
        throw ValidationError("give at least one '--role' or '--site'")
      }
      for role in role { let _: Role = try Parse.choice(role, flag: "--role") }
    }

    func run(on depot: Depot) throws {
      let roles = try role.map { (role: String) -> Role in try Parse.choice(role, flag: "--role") }
      let user = try depot.grantUser(
        UserGrant(name: name, roles: roles, sites: site), global.context(reference))
      try emit(user) { "Updated \(describe($0))" }
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

private func describe(_ user: UserSummary) -> String {
  let sites = user.sites.isEmpty ? "" : " at \(user.sites.joined(separator: ", "))"
  return "\(user.name): \(user.roles.map(\.rawValue).joined(separator: ", "))\(sites)"
}
