import ArgumentParser
import Inventory

/// `depot init`: a new office database with its first admin and that admin's key pair.
struct InitCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "init",
    abstract: "Create a new office database, its first admin and the admin's key pair.",
    discussion: """
      The admin's private key is written owner-only to --key, $DEPOT_KEY, or \
      ~/.config/depot/keys/NAME.key; its public key is enrolled at once.

      Example:
        depot init --office "Xianyu Town" --timezone Asia/Shanghai \\
          --admin chen
      """)

  @OptionGroup var global: GlobalOptions

  @Option(help: "The first admin's user name.")
  var admin: String

  @Option(parsing: .unconditional, help: "The office's name.")
  var office = "District emergency-supplies office"

  @Option(help: "The office's time zone, which decides what 'today' is.")
  var timezone = "Asia/Shanghai"

  mutating func run() throws {
    let global = self.global
    let setup = OfficeSetup(office: office, timezone: timezone, admin: admin)
    let keyPath = global.keyPath(for: admin) ?? "\(admin).key"
    try Runner.guarded {
      let (_, result) = try OfficeDatabase.create(
        path: global.databasePath, setup: setup, keyPath: keyPath, clock: Runner.clock)
      try Runner.emit(result, json: global.json) { result in
        """
        Created office \(result.office) (\(result.timezone)) in \(global.databasePath).
        Admin \(result.admin)'s private key: \(result.keyPath ?? keyPath) (keep it owner-only)
        Public key: \(result.publicKey)
        """
      }
    }
  }
}
