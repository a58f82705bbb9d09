import GRDB
import Ledger

/// A row type whose Swift properties map to snake_case columns, decoded by Codable (a report
/// row whose camelCase keys are also its JSON form).
protocol SnakeCaseColumns: FetchableRecord, Decodable {}

extension SnakeCaseColumns {
  public static var databaseColumnDecodingStrategy: DatabaseColumnDecodingStrategy {
    .convertFromSnakeCase
  }
}

/// A record stored in a table of its own, decoded and encoded by Codable; its `CodingKeys`
/// name the columns, so no key is converted per row.
protocol StoredRecord: FetchableRecord, PersistableRecord, LedgerRecord {}

extension WasteRegisterRow: SnakeCaseColumns {}

extension AccountRecord: StoredRecord {
  public static let databaseTableName = "account"
}

extension AccountRecord.Kind: DatabaseValueConvertible {}

extension AdjustmentLineRecord: StoredRecord {
  public static let databaseTableName = "adjustment_line"
}

extension BalanceRecord: StoredRecord {
  public static let databaseTableName = "balance"
}

extension StockCountRecord: StoredRecord {
  public static let databaseTableName = "stock_count"
}

extension StockCountLineRecord: StoredRecord {
  public static let databaseTableName = "stock_count_line"
}

extension DocumentEventRecord: StoredRecord {
  public static let databaseTableName = "document_event"
}

extension DocumentRecord: StoredRecord {
  public static let databaseTableName = "document"
}

extension InvoiceRecord: StoredRecord {
  public static let databaseTableName = "invoice"
}

extension PaymentRecord: StoredRecord {
  public static let databaseTableName = "payment"
}

extension PeriodCloseRecord: StoredRecord {
  public static let databaseTableName = "period_close"
}

extension IssuanceRequestRecord: StoredRecord {
  public static let databaseTableName = "issuance_request"
}

extension IssuanceLineRecord: StoredRecord {
  public static let databaseTableName = "issuance_line"
}

extension ReserveLevelRecord: StoredRecord {
  public static let databaseTableName = "reserve_level"
}

extension ItemRecord: StoredRecord {
  public static let databaseTableName = "item"
}

extension ItemPackRecord: StoredRecord {
  public static let databaseTableName = "item_pack"
}

extension LotRecord: StoredRecord {
  public static let databaseTableName = "lot"
}

extension MovementRecord: StoredRecord {
  public static let databaseTableName = "movement"
}

extension OfficeRecord: StoredRecord {
  public static let databaseTableName = "office"
}

extension PurchaseRequestRecord: StoredRecord {
  public static let databaseTableName = "purchase_request"
}

extension PurchaseRequestLineRecord: StoredRecord {
  public static let databaseTableName = "purchase_request_line"
}

extension PurchaseOrderRecord: StoredRecord {
  public static let databaseTableName = "purchase_order"
}

extension PurchaseOrderLineRecord: StoredRecord {
  public static let databaseTableName = "purchase_order_line"
}

extension RejectionRecord: StoredRecord {
  public static let databaseTableName = "receipt_rejection"
}

extension LotRecallRecord: StoredRecord {
  public static let databaseTableName = "lot_recall"
}

extension DisinfectionRecord: StoredRecord {
  public static let databaseTableName = "disinfection"
}

extension RequestLogRecord: StoredRecord {
  public static let databaseTableName = "request_log"
}

extension UserKeyRecord: StoredRecord {
  public static let databaseTableName = "user_key"
}

extension UserKeyRecord.State: DatabaseValueConvertible {}

extension UserProfileRecord: StoredRecord {
  public static let databaseTableName = "user_profile"
}

extension OfficeSettingRecord: StoredRecord {
  public static let databaseTableName = "office_setting"
}

extension OfficeSettingName: DatabaseValueConvertible {}

extension WasteBatchRecord: StoredRecord {
  public static let databaseTableName = "waste_batch"
}

extension WasteCollectionRecord: StoredRecord {
  public static let databaseTableName = "waste_collection"
}

extension WasteStorageRecord: StoredRecord {
  public static let databaseTableName = "waste_storage"
}

extension WasteManifestRecord: StoredRecord {
  public static let databaseTableName = "waste_manifest"
}

extension WasteManifestBatchRecord: StoredRecord {
  public static let databaseTableName = "waste_manifest_batch"
}

extension WasteResolutionRecord: StoredRecord {
  public static let databaseTableName = "waste_resolution"
}

extension WasteDisposalRecord: StoredRecord {
  public static let databaseTableName = "waste_disposal"
}

extension EnvelopeRecord {
  /// Decodes an `envelope` row, whose id ranges are three column triples.
  init(row: Row) throws {
    self.init(
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

extension AdjustmentRecord: StoredRecord {
  public static let databaseTableName = "adjustment"
}

extension UserRecord: StoredRecord {
  public static let databaseTableName = "users"
}
