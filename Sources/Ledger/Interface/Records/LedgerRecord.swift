/// A plain row of the ledger: Swift properties that map to the columns of one table.
///
/// Records carry no storage code; each implementation maps them to its tables.
public protocol LedgerRecord: Codable, Sendable {}
