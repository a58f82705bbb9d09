import ArgumentParser
import Inventory
import Output

/// `depot key`: users' Ed25519 key pairs (SPEC §7).
struct KeyCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "key", abstract: "Generate, enrol, rotate and show users' signing keys.",
    subcommands: [Generate.self, Enrol.self, Rotate.self, Show.self])

  struct Generate: EngineCommand {
    static let configuration = CommandConfiguration(
      commandName: "generate",
      abstract: "Write a new private key for yourself (0600) and register it as pending.",
      discussion: """
        The key cannot sign until an admin enrols it with 'depot key enrol NAME'.

        Example:
          depot key generate --as zhang
        """)

    @OptionGroup var global: GlobalOptions
    @OptionGroup var reference: ReferenceOption

    func run(on depot: Depot) throws {
      let summary = try depot.generateKey(KeyGeneration(), global.context(reference))
      try emit(summary) { summary in
        "Wrote \(summary.user)'s private key to \(summary.keyPath ?? "?"); it is pending until "
          + "an admin runs 'depot key enrol \(summary.user)'.\n" + render(summary)
      }
    }
  }

  struct Enrol: EngineCommand {
    static let configuration = CommandConfiguration(
      commandName: "enrol",
      abstract: "Activate a user's pending key, signed with your own key (admin).",
      discussion: "Example:\n  depot key enrol zhang --as chen")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var reference: ReferenceOption
    @Argument(help: "The user whose pending key to enrol.") var name: String

    func run(on depot: Depot) throws {
      let summary = try depot.enrolKey(KeyEnrolment(user: name), global.context(reference))
      try emit(summary) { "Enrolled \($0.user)'s key.\n" + render($0) }
    }
  }

  struct Rotate: EngineCommand {
    static let configuration = CommandConfiguration(
      commandName: "rotate",
      abstract: "Replace your key with a new one, signed with the current key.",
      discussion: """
        The new private key replaces the old one in your key file; old signatures stay
        verifiable with the retired public key.

        Example:
          depot key rotate --as zhang
        """)

    @OptionGroup var global: GlobalOptions
    @OptionGroup var reference: ReferenceOption

    func run(on depot: Depot) throws {
      let summary = try depot.rotateKey(KeyRotation(), global.context(reference))
      try emit(summary) { "Rotated \($0.user)'s key.\n" + render($0) }
    }
  }

  struct Show: EngineCommand {
    static let configuration = CommandConfiguration(
      commandName: "show",
      abstract: "Show a user's keys and where each stands.",
      discussion: "Example:\n  depot key show zhang --as chen")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The user.") var name: String

    func run(on depot: Depot) throws {
      try emit(try depot.keys(of: name, as: global.actingUser), text: render)
    }
  }
}

private func render(_ summary: KeySummary) -> String {
  var table = Table([
    .init("Key", alignRight: true), .init("State"), .init("Created"), .init("Public key"),
  ])
  for key in summary.keys {
    table.append([String(key.id), key.state, key.createdAt, key.publicKey])
  }
  return table.render()
}
