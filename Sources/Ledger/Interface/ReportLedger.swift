import Foundation
import Macros

/// Stock that came in from outside on one day, by document line.
@MemberwiseInit
public struct ArrivalLine: Sendable, Equatable {
  public var documentNumber: String
  public var documentKind: DocumentKind
  public var sourceCode: String
  public var sourceName: String
  public var itemCode: String
  public var itemName: String
  public var unit: String
  public var quantity: Int64
  public var value: Int64
}

/// What a warehouse shipped to a site on one day, by item and the request's priority.
@MemberwiseInit
public struct ShipmentLine: Sendable, Equatable {
  public var siteCode: String
  public var priority: String
  public var itemCode: String
  public var unit: String
  public var quantity: Int64
}

/// A donor's goods of one item: what came in, what was refused, and what the office still
/// holds in warehouses or in transit.
@MemberwiseInit
public struct DonatedItemRow: Sendable, Equatable {
  public var donorId: Int64
  public var itemId: Int64
  public var received: Int64
  public var value: Int64
  public var rejected: Int64
  public var left: Int64
}

/// Where a donor's goods of one item went at one site.
@MemberwiseInit
public struct DonatedAtSiteRow: Sendable, Equatable {
  public var donorId: Int64
  public var itemId: Int64
  public var siteCode: String
  public var siteName: String
  public var delivered: Int64
  public var used: Int64
  public var onHand: Int64
}

/// How much of an item left a place over a span of days.
@MemberwiseInit
public struct Outflow: Sendable, Equatable {
  public var itemId: Int64
  public var accountId: Int64
  public var quantity: Int64
}

/// A line of an issuance request that is not wholly approved: part of it awaits a decision
/// or was declined (SPEC §10).
@MemberwiseInit
public struct UnmetLine: Sendable, Equatable {
  public var documentNumber: String
  public var state: DocumentState
  public var priority: String
  public var siteCode: String
  public var requestedAt: Moment
  public var itemCode: String
  public var itemName: String
  public var unit: String
  public var requested: Int64
  public var approved: Int64
  public var declined: Int64
  public var declineReason: String?
}

/// The figures reports are views of: arrivals, shipments, donations, consumption, lead times.
public protocol ReportLedger {
  /// Receipts and donations effective on `day`.
  func arrivals(on day: Day) throws -> [ArrivalLine]

  /// Issuance shipments effective after `after` and on or before `through`, by site,
  /// priority and item.
  func shipmentsBySite(after: Day, through: Day) throws -> [ShipmentLine]

  /// Issuance shipments per effective day, after `after` and on or before `through`.
  func shipmentsPerDay(after: Day, through: Day) throws -> [(day: Day, quantity: Int64)]

  /// Per donor and item: received, declared value, rejected at inspection and what is left
  /// at warehouses and in transit; only one donor's when given.
  func donatedItems(donorAccountID: Int64?) throws -> [DonatedItemRow]

  /// Per donor, item and site: what reached the site, what it used and what it still holds.
  func donatedAtSites(donorAccountID: Int64?) throws -> [DonatedAtSiteRow]

  /// What each warehouse shipped to sites (issuance shipments into transit) per item, effective
  /// after `after` and on or before `through`.
  func shipments(after: Day, through: Day) throws -> [Outflow]

  /// What each site reported used per item, effective after `after` and on or before
  /// `through`.
  func use(after: Day, through: Day) throws -> [Outflow]

  /// The supplier of each item's most recent purchase, if any.
  func latestSuppliers() throws -> [Int64: AccountRecord]

  /// The lines of open issuance requests that still await a decision, and the lines declined
  /// on `day`, oldest request first.
  func unmetLines(declinedOn day: Day) throws -> [UnmetLine]

  /// Sets a party's lead time in days.
  func setLeadTime(_ days: Int, ofAccount accountID: Int64) throws
}
