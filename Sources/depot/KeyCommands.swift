import ArgumentParser
import Inventory
import Output

/// `depot key`: users' Ed25519 key pairs (SPEC §7).
struct KeyCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "key", abstract: "Generate, enrol, rotate and show users' signing keys.",
    subcommands: [Generate.self, Enrol.self, Revoke.self, Rotate.self, Show.self])

  struct Generate: EngineCommand {
    static let configuration = CommandConfiguration(
      commandName: "generate",
      abstract: "Write a new private key for yourself (0600) and register it as pending.",
      discussion: """
        The registration is signed with the new key itself. The key cannot sign anything \
        else until an admin enrols it by the fingerprint printed here, which you read out to \
        the admin. A pending key expires after 7 days; a fourth pending key replaces the oldest. \
        One key per device: give each a --label.

        Example:
          depot key generate --as zhang --label laptop
        """)

    @OptionGroup var global: GlobalOptions
    @OptionGroup var reference: ReferenceOption
    @Option(parsing: .unconditional, help: "The device this key is for (laptop, phone).")
    var label: String?

    func run(on depot: Depot) throws {
      let newKey = try global.stagedKey(missingPath: "must name where to write the key")
      var context = global.context(reference)
      context.signer = newKey.registrationSigner
      let summary = try newKey.register(replacing: false) {
        try depot.generateKey(KeyGeneration(label: label), context)
      }
      try emit(summary) { summary in
        let printed = groupedFingerprint(summary.fingerprint ?? "")
        return "Wrote \(summary.user)'s private key to \(summary.keyPath ?? "?").\n"
          + "Fingerprint: \(printed)\n"
          + "Read it out to an admin, who runs 'depot key enrol \(summary.user) --fingerprint "
          + "\(summary.fingerprint ?? "")'.\n" + render(summary)
      }
    }
  }

  struct Enrol: EngineCommand {
    static let configuration = CommandConfiguration(
      commandName: "enrol",
      abstract: "Activate exactly the pending key whose fingerprint its owner read out (admin).",
      discussion: """
        The whole fingerprint is needed (spaces between the groups are fine); a prefix or \
        another key's fingerprint is refused.

        Example:
          depot key enrol zhang --as chen --fingerprint "3f2a 9c1e …"
        """)

    @OptionGroup var global: GlobalOptions
    @OptionGroup var reference: ReferenceOption
    @OptionGroup var key: ChosenKey

    func run(on depot: Depot) throws {
      let summary = try depot.enrolKey(
        KeyEnrolment(user: key.name, fingerprint: key.fingerprint), global.context(reference))
      try emit(summary) { "Enrolled \($0.user)'s key.\n" + render($0) }
    }
  }

  struct Revoke: EngineCommand {
    static let configuration = CommandConfiguration(
      commandName: "revoke",
      abstract: "End one of a user's keys (admin, or the key's owner).",
      discussion: """
        A revoked key signs nothing from then on; what it signed before stays verifiable. \
        The office's last active admin key cannot be revoked.

        Example:
          depot key revoke zhang --as chen --fingerprint "3f2a 9c1e …"
        """)

    @OptionGroup var global: GlobalOptions
    @OptionGroup var reference: ReferenceOption
    @OptionGroup var key: ChosenKey

    func run(on depot: Depot) throws {
      let summary = try depot.revokeKey(
        KeyRevocation(user: key.name, fingerprint: key.fingerprint), global.context(reference))
      try emit(summary) { "Revoked one of \($0.user)'s keys.\n" + render($0) }
    }
  }

  struct Rotate: EngineCommand {
    static let configuration = CommandConfiguration(
      commandName: "rotate",
      abstract: "Replace your key with a new one, signed with the current key.",
      discussion: """
        The new private key replaces the old one in your key file; old signatures stay \
        verifiable with the retired public key.

        Example:
          depot key rotate --as zhang
        """)

    @OptionGroup var global: GlobalOptions
    @OptionGroup var reference: ReferenceOption

    func run(on depot: Depot) throws {
      let newKey = try global.stagedKey(missingPath: "must name the current key file")
      let summary = try newKey.register(replacing: true) {
        try depot.rotateKey(
          KeyRotation(newKey: newKey.key.publicKey), global.context(reference))
      }
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

extension GlobalOptions {
  /// A new key pair for the acting user, to go into their key file; refused for `reason` when
  /// there is no key file to name.
  fileprivate func stagedKey(missingPath reason: Reason) throws -> StagedKey {
    guard let keyPath = keyPath(for: actingUser) else {
      throw DepotError.invalidOption(field: .key, reason: reason)
    }
    return try StagedKey(for: actingUser ?? "", at: keyPath)
  }
}

/// One key of one user, named by its whole fingerprint (`key enrol`, `key revoke`).
struct ChosenKey: ParsableArguments {
  @Argument(help: "The user whose key it is.") var name: String
  @Option(
    help: "The key's whole fingerprint, as 'depot key generate' or 'depot key show' print it.")
  var fingerprint: String
}

private func render(_ summary: KeySummary) -> String {
  var table = Table([
    .init("Key", alignRight: true), .init("State"), .init("Label"), .init("Created"),
    .init("Fingerprint"),
  ])
  for key in summary.keys {
    table.append([
      String(key.id), key.state, key.label ?? "", key.createdAt.local,
      groupedFingerprint(key.fingerprint),
    ])
  }
  return table.render()
}
