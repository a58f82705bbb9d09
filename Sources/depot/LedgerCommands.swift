import ArgumentParser
import Inventory
import Output

/// `depot ledger`: checking the ledger.
struct LedgerCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "ledger", abstract: "Verify the ledger and show its chain head.",
    subcommands: [Verify.self, Head.self])

  struct Verify: EngineCommand {
    static let configuration = CommandConfiguration(
      commandName: "verify",
      abstract: "Re-check the hash chains, balances, value and signatures (exit 1 on a problem).",
      discussion: """
        Checks I1 conservation, I2 no negative stock, I5 stored balances, I6 value, the hash \
        chains of movements and events (I9) and every signature against the key enrolled at \
        the time (I10). With --head, also that the chain still leads to a head noted earlier.

        Example:
          depot ledger verify --as auditor1
          depot ledger verify --head 1234:88:9f3c... --as auditor1
        """)

    @OptionGroup var global: GlobalOptions
    @Option(help: "A head token noted earlier with 'depot ledger head'.") var head: String?

    func run(on depot: Depot) throws {
      let showProgress = Terminal.standardErrorIsTerminal
      let report = try depot.verify(as: global.actingUser, expectedHead: head) { done, total in
        if showProgress { Terminal.progress("verifying \(done) of \(total) entries") }
      }
      if showProgress { Terminal.progress("") }
      try emit(report) { report in
        let lines = report.checks.map { check in
          check.ok ? "ok      \(check.name)" : "FAILED  \(check.name): \(check.problem ?? "")"
        }
        return lines.joined(separator: "\n")
          + "\n\(report.movements) movements, \(report.events) events, "
          + "\(report.signatures) signatures checked; head \(report.head.token)"
      }
      if !report.ok {
        let failed = report.checks.first { !$0.ok }
        Terminal.error("error: the ledger does not verify: \(failed?.problem ?? "")")
        throw ExitCode(1)
      }
    }
  }

  struct Head: EngineCommand {
    static let configuration = CommandConfiguration(
      commandName: "head",
      abstract: "Print the current chain head for an auditor to note down.",
      discussion: "Example:\n  depot ledger head --as auditor1")

    @OptionGroup var global: GlobalOptions

    func run(on depot: Depot) throws {
      try emit(try depot.ledgerHead(as: global.actingUser)) { head in
        """
        movement \(head.movementId) \(head.movementHash)
        event    \(head.eventId) \(head.eventHash)
        head     \(head.token)
        """
      }
    }
  }
}

/// `depot backup`: a consistent copy while others work.
struct BackupCommand: EngineCommand {
  static let configuration = CommandConfiguration(
    commandName: "backup",
    abstract: "Write a consistent, owner-only copy of the database (admin, auditor).",
    discussion: """
      An existing file is replaced only with --force. The database, its -wal and -shm files, \
      key files, links, folders and devices are never written over.

      Example:
        depot backup /media/usb/depot-2026-11-30.sqlite --as chen
      """)

  @OptionGroup var global: GlobalOptions
  @Argument(help: "The backup file to write.") var file: String
  @Flag(help: "Replace an existing backup file.") var force = false

  func run(on depot: Depot) throws {
    let output = try OutputFile(path: file, replacing: force, database: global.databasePath)
    let head = try depot.backup(to: output.temporaryPath, as: global.actingUser)
    try output.commit()
    try emit(head) { "Backed up to \(file) at head \($0.token)" }
  }
}
