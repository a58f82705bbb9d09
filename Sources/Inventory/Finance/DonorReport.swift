import Ledger

/// Where each donor's goods went (SPEC §4 Donation), from the ledger: what was received and
/// refused, what reached each site and was used there, and what the office still holds.
public struct DonorReport: Codable, Sendable, Equatable {
  /// One site's share of a donor's item.
  public struct Site: Codable, Sendable, Equatable {
    public var site: String
    public var siteName: String
    public var delivered: Int64
    public var used: Int64
    public var onHand: Int64
  }

  /// One item a donor gave.
  public struct Item: Codable, Sendable, Equatable {
    public var item: String
    public var itemName: String
    public var unit: String
    public var received: Int64
    /// The declared value received, in yuan.
    public var value: String
    public var rejected: Int64
    public var sites: [Site]
    /// Still in the office's warehouses or in transit.
    public var left: Int64
  }

  /// One donor.
  public struct Donor: Codable, Sendable, Equatable {
    public var donor: String
    public var donorName: String
    public var items: [Item]
  }

  public var donors: [Donor]
}

extension Depot {
  /// Donor provenance, for one donor or all (every registered user).
  public func donors(donor code: String?, as actor: String?) throws -> DonorReport {
    try read(as: actor) { session in
      let donor = try code.map { try session.party($0, kind: .donor) }
      let sites = try session.transaction.donatedAtSites(donorAccountID: donor?.id)
      var donors: [DonorReport.Donor] = []
      for row in try session.transaction.donatedItems(donorAccountID: donor?.id) {
        let item = try session.item(id: row.itemId)
        let entry = DonorReport.Item(
          item: item.code, itemName: item.name, unit: item.baseUnit, received: row.received,
          value: Money.yuan(row.value), rejected: row.rejected,
          sites: sites.filter { $0.donorId == row.donorId && $0.itemId == row.itemId }.map {
            DonorReport.Site(
              site: $0.siteCode, siteName: $0.siteName, delivered: $0.delivered, used: $0.used,
              onHand: $0.onHand)
          }, left: row.left)
        let account = try session.account(row.donorId)
        if donors.last?.donor == account.code {
          donors[donors.count - 1].items.append(entry)
        } else {
          donors.append(
            DonorReport.Donor(donor: account.code, donorName: account.name, items: [entry]))
        }
      }
      return DonorReport(donors: donors.sorted { $0.donor < $1.donor })
    }
  }
}
