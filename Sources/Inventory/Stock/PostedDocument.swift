import Ledger

/// A document as posted: its number, state, effective date and the movements it made.
public struct PostedDocument: Codable, Sendable, Equatable {
  /// One movement of the document.
  public struct Line: Codable, Sendable, Equatable {
    public var item: String
    public var itemName: String
    public var lot: String?
    public var expiry: String?
    public var from: String
    public var to: String
    /// In base units.
    public var quantity: Int64
    public var unit: String
    /// In yuan, two decimals.
    public var value: String
  }

  /// Goods delivered but refused at inspection.
  public struct Rejection: Codable, Sendable, Equatable {
    public var item: String
    public var lot: String?
    /// In base units.
    public var quantity: Int64
    public var unit: String
    public var reason: String
  }

  public var number: String
  public var state: String
  public var date: String
  public var lines: [Line]
  /// The purchase order a receipt arrived against.
  public var order: String?
  /// What a receipt's or donation's inspection refused; absent for other documents.
  public var rejections: [Rejection]?
  /// The write-offs the document opened for damaged goods, if any.
  public var writeOffs: [String]?
  /// The serial numbers it put into disinfection, if any.
  public var inDisinfection: [String]?
  /// True when a retry with the same `--ref` returned the document its first run posted.
  public var replayed: Bool? = nil
  /// The document a reversal reverses.
  public var reverses: String? = nil
  /// Why a reversal was made.
  public var reason: String? = nil
  /// The reversal that reversed this document, if one did.
  public var reversedBy: String? = nil
}

extension PostedDocument: ReplayMarked {}

extension PostedDocument.Line {
  init(
    item: ItemRecord, lot: LotRecord, from: AccountRecord, to: AccountRecord, quantity: Int64,
    value: Int64
  ) {
    self.init(
      item: item.code, itemName: item.name, lot: lot.number, expiry: lot.expiry?.description,
      from: from.code,
      to: to.code, quantity: quantity, unit: item.baseUnit, value: Money.yuan(value))
  }
}

extension PostedDocument {
  init(
    _ document: DocumentRecord, lines: [Line], order: String? = nil,
    rejections: [Rejection]? = nil
  ) {
    self.init(
      number: document.number, state: document.state.rawValue,
      date: document.effectiveDate.description,
      lines: lines,
      order: order, rejections: rejections, writeOffs: nil, inDisinfection: nil)
  }
}
