/// What a user may do (SPEC §1).
public enum Role: String, CaseIterable, Codable, Sendable, Comparable {
  case admin, clerk, approver, requester, finance, auditor

  public static func < (lhs: Role, rhs: Role) -> Bool {
    allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
  }
}

/// The kinds of things an item can be.
public enum ItemCategory: String, CaseIterable, Codable, Sendable {
  case disinfectant, protective, equipment, medicine, other
}

/// The kinds of physical places.
public enum LocationKind: String, CaseIterable, Codable, Sendable {
  case warehouse, site
  case wastePoint = "waste-point"
}

/// The kinds of outside parties.
public enum PartyKind: String, CaseIterable, Codable, Sendable {
  case supplier, donor, contractor
}
