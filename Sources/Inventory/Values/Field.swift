/// An input the engine validates or records: what a refusal names as the thing to fix, and
/// the key of each of a request's recorded inputs.
///
/// The raw value is the field's stable key: request logs and signed envelopes store it, and
/// an interface that names fields its own way (the command line's options, a server's JSON
/// keys, a catalogue in another language) maps each case to its own name (see `FieldNaming`).
public enum Field: String, CaseIterable, Codable, Sendable {
  // Who acts, and on what database
  /// The user acting.
  case actor
  /// The database file.
  case database
  /// A private key file.
  case key
  /// A client reference, which makes a retry post once.
  case ref
  /// The effective date of a write.
  case date
  /// Permission to replace an existing file.
  case force
  /// The page a report is written to.
  case html
  /// A chain head noted earlier, that verification checks against.
  case head

  // Setting up an office, users and keys
  /// The office's name.
  case office
  /// The office's first admin.
  case admin
  /// A user's name, as the user to add, grant to or manage keys for.
  case user
  /// A role given to a user.
  case role
  /// A site a requester is bound to.
  case site
  /// The device label of a key.
  case label
  /// A key's fingerprint.
  case fingerprint

  // The catalogue
  /// The code of a new item, location or party.
  case code
  /// The name of an item, location or party.
  case name
  /// An item's category, or a waste batch's class.
  case category
  /// A unit: an item's base unit, or the unit a quantity is typed in.
  case unit
  /// An item's pack size.
  case pack
  /// Whether an item is tracked by lot, by serial number or neither.
  case tracking
  /// The kind of a location or party.
  case kind
  /// Whether a warehouse holds the reserve.
  case reserve
  /// A disposal contractor's licence.
  case licence
  /// The day a disposal contractor's licence expires.
  case licenceExpires = "licence-expires"
  /// The days a supplier takes from order to receipt.
  case leadTime = "lead-time"

  // Stock movements
  /// An item, or an item and its quantity.
  case item
  /// A quantity.
  case quantity = "qty"
  /// The location where something happens.
  case at
  /// Where stock comes from, or the first day of a range.
  case from
  /// Where stock goes, or the last day of a range.
  case to
  /// A receipt's warehouse, as a receipts file names it.
  case warehouse
  /// A lot number.
  case lot
  /// A lot's expiry date.
  case expiry
  /// A serial number.
  case serial
  /// The value of a received line.
  case value
  /// A free-text note.
  case note
  /// Why: a write-off's, a count's or a decision's reason.
  case reason
  /// The purchase order goods arrive against or an invoice or payment is for.
  case order
  /// The supplier of an order or receipt.
  case supplier
  /// What inspection refused.
  case rejected
  /// That a receipt or order is an emergency one.
  case emergency
  /// An emergency's written justification.
  case justification
  /// What arrived or came back damaged.
  case damaged

  // Issuance and reserves
  /// The number of the document a decision or step is for.
  case number
  /// An issue request's priority.
  case priority
  /// The day something is needed by.
  case neededBy = "needed-by"
  /// Approval below a warehouse's reserve floor.
  case overrideFloor = "override-floor"
  /// What arrived intact at a site.
  case received
  /// The item whose reserve levels are set.
  case reserveItem = "reserve-item"
  /// The warehouse whose reserve levels are set.
  case location
  /// A reserve floor.
  case floor
  /// A reserve minimum.
  case minimum = "min"
  /// A reserve maximum.
  case maximum = "max"

  // Procurement and finance
  /// The approved purchase request an order is placed for.
  case request
  /// An item's price on an order.
  case price
  /// The framework contract an order is placed under.
  case contract
  /// A supplier's invoice number.
  case invoice
  /// An amount of money.
  case amount
  /// A payment's bank or voucher reference.
  case reference
  /// That a payment is made before the goods arrive.
  case prepayment
  /// An accounting month.
  case period

  // Medical waste
  /// A waste batch.
  case batch
  /// How many containers a load fills.
  case containers
  /// What a load weighs.
  case weight
  /// Who collected a batch.
  case collector
  /// The disposal contractor.
  case contractor
  /// A waste manifest, by its document number.
  case manifest
  /// The number on a transfer manifest's paper form.
  case manifestNumber = "manifest-number"
  /// The driver who takes the waste away.
  case driver
  /// The vehicle that takes the waste away.
  case vehicle
  /// A disposal certificate's number.
  case certificate
  /// How waste was disposed of, or equipment disinfected.
  case method
  /// Where waste was disposed of.
  case destination

  // Recalls, counts, planning and files
  /// The lot number a recall is for.
  case recalledLot = "recalled-lot"
  /// A counted quantity.
  case counted
  /// One counted line: item, lot and quantity.
  case line
  /// The days of use a reorder proposal looks back on.
  case window
  /// The safety days a reorder proposal adds.
  case safety
  /// The days of cover a reorder proposal aims for.
  case coverTarget = "cover-target"
  /// The days ahead an expiry report looks.
  case within
  /// An imported file, recorded by its digest.
  case file

  // Input as people type it
  /// A run of serial numbers, `FIRST..LAST`.
  case serials

  // Master data changes
  /// A user's display name, shown beside the name they sign in with.
  case displayName = "display-name"
  /// The office's time zone.
  case timezone
  /// How far a re-measured waste load may differ from its collected weight, in percent.
  case handoverTolerance = "handover-tolerance"
  // Decisions per line
  /// A line declined, `CODE=REASON`.
  case decline
}

extension Field: CustomStringConvertible {
  /// The field's key, `rawValue`.
  public var description: String { rawValue }
}

extension Field {
  /// The key an older version of Depot recorded this field's inputs under, without the
  /// leading dashes of the option it was named after: the raw value, except where two fields
  /// shared one name.
  var legacyKey: String {
    switch self {
    case .user: Field.name.rawValue
    case .invoice: Field.number.rawValue
    case .manifestNumber: Field.manifest.rawValue
    case .recalledLot: Field.lot.rawValue
    case .reserveItem: Field.item.rawValue
    default: rawValue
    }
  }

  /// The field a recorded key names: a raw value, or an older version's key (`--qty`,
  /// `name`), preferring the fields of `candidates` when an older key fits more than one.
  static func recorded(_ key: String, among candidates: [Field]) -> Field? {
    let word = String(key.drop { $0 == "-" })
    if word == key, let field = Field(rawValue: key), candidates.contains(field) { return field }
    return candidates.first { $0.legacyKey == word } ?? Field(rawValue: word)
      ?? allCases.first { $0.legacyKey == word }
  }
}
