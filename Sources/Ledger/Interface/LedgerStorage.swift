/// One open transaction on the ledger: every read and write the engine needs, typed and
/// grouped as the domain is.
///
/// Implementations never commit inside a method; the storage commits when the body that
/// received the transaction returns, and rolls back when it throws.
public protocol LedgerTransaction:
  CatalogueLedger, TrustLedger, MovementLedger, DocumentLedger, IssuanceLedger,
  ProcurementLedger, WasteLedger, CountLedger, RecallLedger, ReportLedger, ExportLedger,
  VerificationLedger, MasterDataLedger
{}

/// Where an office's ledger is kept: transactions, batches and backups.
///
/// A write transaction holds the office's write lock from its start, so what it reads stays
/// true until it commits; a read transaction sees one consistent snapshot.
public protocol LedgerStorage: Sendable {
  /// Where the ledger is, as a person would name it (a file path or a server's URL).
  var location: String { get }

  /// Runs `body` in one write transaction, committed when it returns.
  func write<T>(_ body: (any LedgerTransaction) throws -> T) throws -> T

  /// Runs `body` in one read transaction on a consistent snapshot.
  func read<T>(_ body: (any LedgerTransaction) throws -> T) throws -> T

  /// Runs many writes (an import, the synthetic office) with the storage tuned for bulk work.
  func batch<T>(_ body: () throws -> T) throws -> T

  /// Writes a consistent copy of the whole ledger to `destination`, a new file.
  func backup(to destination: String) throws
}
