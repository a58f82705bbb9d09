import GRDB
import Ledger

/// A row type whose Swift properties map to snake_case columns, decoded by Codable.
protocol SnakeCaseColumns: FetchableRecord, Decodable {}

extension SnakeCaseColumns {
  public static var databaseColumnDecodingStrategy: DatabaseColumnDecodingStrategy {
    .convertFromSnakeCase
  }
}

/// A record stored in a table of its own, encoded by Codable into snake_case columns.
protocol SnakeCaseRecord: SnakeCaseColumns, PersistableRecord, LedgerRecord {}

extension SnakeCaseRecord {
  public static var databaseColumnEncodingStrategy: DatabaseColumnEncodingStrategy {
    .convertToSnakeCase
  }
}

extension WasteRegisterRow: SnakeCaseColumns {}

extension AccountRecord: SnakeCaseRecord {
  public static let databaseTableName = "account"
}

extension AccountRecord.Kind: DatabaseValueConvertible {}

extension AdjustmentLineRecord: SnakeCaseRecord {
  public static let databaseTableName = "adjustment_line"
}

extension BalanceRecord: SnakeCaseRecord {
  public static let databaseTableName = "balance"
}

extension StockCountRecord: SnakeCaseRecord {
  public static let databaseTableName = "stock_count"
}

extension StockCountLineRecord: SnakeCaseRecord {
  public static let databaseTableName = "stock_count_line"
}

extension DocumentEventRecord: SnakeCaseRecord {
  public static let databaseTableName = "document_event"
}

extension DocumentRecord: SnakeCaseRecord {
  public static let databaseTableName = "document"
}

extension InvoiceRecord: SnakeCaseRecord {
  public static let databaseTableName = "invoice"
}

extension PaymentRecord: SnakeCaseRecord {
  public static let databaseTableName = "payment"
}

extension PeriodCloseRecord: SnakeCaseRecord {
  public static let databaseTableName = "period_close"
}

extension IssuanceRequestRecord: SnakeCaseRecord {
  public static let databaseTableName = "issuance_request"
}

extension IssuanceLineRecord: SnakeCaseRecord {
  public static let databaseTableName = "issuance_line"
}

extension ReserveLevelRecord: SnakeCaseRecord {
  public static let databaseTableName = "reserve_level"
}

extension ItemRecord: SnakeCaseRecord {
  public static let databaseTableName = "item"
}

extension ItemPackRecord: SnakeCaseRecord {
  public static let databaseTableName = "item_pack"
}

extension LotRecord: SnakeCaseRecord {
  public static let databaseTableName = "lot"
}

extension MovementRecord: SnakeCaseRecord {
  public static let databaseTableName = "movement"
}

extension OfficeRecord: SnakeCaseRecord {
  public static let databaseTableName = "office"
}

extension PurchaseRequestRecord: SnakeCaseRecord {
  public static let databaseTableName = "purchase_request"
}

extension PurchaseRequestLineRecord: SnakeCaseRecord {
  public static let databaseTableName = "purchase_request_line"
}

extension PurchaseOrderRecord: SnakeCaseRecord {
  public static let databaseTableName = "purchase_order"
}

extension PurchaseOrderLineRecord: SnakeCaseRecord {
  public static let databaseTableName = "purchase_order_line"
}

extension RejectionRecord: SnakeCaseRecord {
  public static let databaseTableName = "receipt_rejection"
}

extension LotRecallRecord: SnakeCaseRecord {
  public static let databaseTableName = "lot_recall"
}

extension DisinfectionRecord: SnakeCaseRecord {
  public static let databaseTableName = "disinfection"
}

extension RequestLogRecord: SnakeCaseRecord {
  public static let databaseTableName = "request_log"
}

extension UserKeyRecord: SnakeCaseRecord {
  public static let databaseTableName = "user_key"
}

extension UserKeyRecord.State: DatabaseValueConvertible {}

extension WasteBatchRecord: SnakeCaseRecord {
  public static let databaseTableName = "waste_batch"
}

extension WasteCollectionRecord: SnakeCaseRecord {
  public static let databaseTableName = "waste_collection"
}

extension WasteStorageRecord: SnakeCaseRecord {
  public static let databaseTableName = "waste_storage"
}

extension WasteManifestRecord: SnakeCaseRecord {
  public static let databaseTableName = "waste_manifest"
}

extension WasteManifestBatchRecord: SnakeCaseRecord {
  public static let databaseTableName = "waste_manifest_batch"
}

extension WasteResolutionRecord: SnakeCaseRecord {
  public static let databaseTableName = "waste_resolution"
}

extension WasteDisposalRecord: SnakeCaseRecord {
  public static let databaseTableName = "waste_disposal"
}

extension EnvelopeRecord {
  /// Decodes an `envelope` row, whose id ranges are three column triples.
  init(row: Row) throws {
    try self.init(
      id: row["id"], version: row["version"], office: row["office"], actorId: row["actor_id"],
      keyId: row["key_id"], useCase: row["use_case"], inputs: row["inputs"], roles: row["roles"],
      baseHash: row["base_hash"], signedAt: try row.decode(forColumn: "signed_at"),
      nonce: row["nonce"],
      written: WrittenRanges(
        movements: WrittenRange(
          first: row["first_movement_id"], count: row["movement_count"],
          digest: row["movement_digest"]),
        events: WrittenRange(
          first: row["first_event_id"], count: row["event_count"], digest: row["event_digest"]),
        images: WrittenRange(
          first: row["first_image_id"], count: row["image_count"], digest: row["image_digest"])),
      signature: row["signature"])
  }
}

extension AdjustmentRecord: SnakeCaseRecord {
  public static let databaseTableName = "adjustment"
}

extension UserRecord: SnakeCaseRecord {
  public static let databaseTableName = "users"
}
