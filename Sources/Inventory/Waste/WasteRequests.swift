import Macros

/// `depot waste collect`: a new batch collected at a site (or warehouse), or the weighing of
/// a batch that an approved write-off opened.
@MemberwiseInit
public struct WasteCollection: DepotRequest {
  public typealias Result = WasteBatchView
  /// The batch a write-off opened, or nil for a new batch.
  public var batch: String? = nil
  /// Where a new batch was collected.
  public var location: String? = nil
  /// The class of a new batch.
  public var category: WasteCategory? = nil
  public var containers: Int64
  public var weightGrams: Int64
  /// Who collected it, when not the user recording it.
  public var collector: String? = nil

  public var command: String { "waste collect" }
  public var inputs: [(Field, String)] {
    var pairs: [(Field, String)] = []
    if let batch { pairs.append((.batch, batch)) }
    if let location { pairs.append((.at, location)) }
    if let category { pairs.append((.category, category.rawValue)) }
    pairs += [(.containers, String(containers)), (.weight, "\(weightGrams)g")]
    if let collector { pairs.append((.collector, collector)) }
    return pairs
  }
}

/// `depot waste store`: a collected batch taken to a temporary waste point.
@MemberwiseInit
public struct WasteStorage: DepotRequest {
  public typealias Result = WasteBatchView
  public var batch: String
  public var wastePoint: String

  public var command: String { "waste store" }
  public var inputs: [(Field, String)] { [(.batch, batch), (.at, wastePoint)] }
}

/// `depot waste handover`: stored batches handed to a licensed contractor under a transfer
/// manifest, with the load as re-measured at hand-over.
@MemberwiseInit
public struct WasteHandover: DepotRequest {
  public typealias Result = ManifestView
  public var batches: [String]
  public var contractor: String
  public var manifest: String
  public var weightGrams: Int64
  public var containers: Int64
  public var driver: String
  public var vehicle: String

  public var command: String { "waste handover" }
  public var inputs: [(Field, String)] {
    batches.map { (.batch, $0) } + [
      (.contractor, contractor), (.manifestNumber, manifest), (.weight, "\(weightGrams)g"),
      (.containers, String(containers)), (.driver, driver), (.vehicle, vehicle),
    ]
  }
}

/// `depot waste resolve`: an approver's signed reason that settles a manifest's discrepancy.
@MemberwiseInit
public struct WasteResolution: DepotRequest {
  public typealias Result = ManifestView
  public var manifest: String
  public var reason: String

  public var command: String { "waste resolve" }
  public var inputs: [(Field, String)] { [(.manifest, manifest), (.reason, reason)] }
}

/// `depot waste dispose`: the contractor's disposal certificate, which closes the manifest.
@MemberwiseInit
public struct WasteDisposal: DepotRequest {
  public typealias Result = ManifestView
  public var manifest: String
  public var certificate: String
  public var method: String
  public var destination: String

  public var command: String { "waste dispose" }
  public var inputs: [(Field, String)] {
    [
      (.manifest, manifest), (.certificate, certificate), (.method, method),
      (.destination, destination),
    ]
  }
}
