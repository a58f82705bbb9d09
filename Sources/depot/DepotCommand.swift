import ArgumentParser

/// `depot`: the root command.
struct DepotCommand: ParsableCommand {
  static let version = "0.1.0"

  static let configuration = CommandConfiguration(
    commandName: "depot",
    abstract: "Emergency medical-supplies inventory: one trustworthy ledger over SQLite.",
    discussion: """
      Every command takes --db PATH (else $DEPOT_DB, else ./depot.sqlite), --as USER (else \
      $DEPOT_USER) and --json. Writing commands take --ref KEY so that a retry posts once.

      Example:
        depot init --office "Xianyu Town" --timezone Asia/Shanghai \\
          --admin chen
        depot stock --at WH-CENTRAL --as chen
      """,
    version: version,
    subcommands: [
      InitCommand.self, UserCommand.self, KeyCommand.self, ItemCommand.self,
      LocationCommand.self, PartyCommand.self, ReceiveCommand.self, DonationCommand.self,
      TransferCommand.self, IssueCommand.self, UseCommand.self, ReturnCommand.self,
      ReserveCommand.self, CountCommand.self, WriteOffCommand.self, AdjustCommand.self,
      RecallCommand.self, DisinfectCommand.self, WasteCommand.self, ProcureCommand.self,
      InvoiceCommand.self, PayCommand.self, PeriodCommand.self, StockCommand.self,
      CardCommand.self, ReportCommand.self, ExportCommand.self, ImportCommand.self,
      LedgerCommand.self, BackupCommand.self, ReverseCommand.self,
      ShowCommand.self,
      OfficeCommand.self,
      InboxCommand.self,
    ]
  )
}
