import Testing

@testable import Inventory

/// Codes and user names are unique, ignoring letter case: `GLOVE` and `glove` cannot both
/// exist, nor a place named by a reserved code such as `lost`.
@Suite struct CodeCaseTests {
  /// Something the admin adds to the catalogue, the places or the users.
  enum Addition: Sendable {
    case item(NewItem)
    case location(NewLocation)
    case party(NewParty)
    case user(UserChange)
  }

  /// Adding what the office already holds, in the same or another letter case, is refused
  /// naming the existing one.
  @Test(arguments: [
    (
      Addition.item(NewItem(code: "GLOVE", name: "x", category: .other, unit: "piece")),
      DepotError.duplicateCode(kind: "item", code: "GLOVE")
    ),
    (
      .location(NewLocation(code: "SUP-JX", name: "x", kind: .warehouse)),
      .duplicateCode(kind: "supplier", code: "SUP-JX")
    ),
    (
      .location(NewLocation(code: "lost", name: "x", kind: .site)),
      .duplicateCode(kind: "lost", code: "lost")
    ),
    (.user(UserChange(.add, name: "wang", roles: [.clerk])), .duplicateUser("wang")),
    (
      .item(NewItem(code: "glove", name: "手套", category: .protective, unit: "piece")),
      .duplicateCode(kind: "item", code: "GLOVE")
    ),
    (
      .location(NewLocation(code: "wh-central", name: "仓库", kind: .site)),
      .duplicateCode(kind: "warehouse", code: "WH-CENTRAL")
    ),
    (
      .party(NewParty(code: "Don-Rc", name: "红会", kind: .donor)),
      .duplicateCode(kind: "donor", code: "DON-RC")
    ),
    (.user(UserChange(.add, name: "WANG", roles: [.clerk])), .duplicateUser("wang")),
  ])
  func aCodeAlreadyTakenIsRefusedNamingTheExistingOne(_ addition: Addition, refusal: DepotError)
    throws
  {
    let office = try TestOffice()
    #expect(throws: refusal) {
      switch addition {
      case .item(let item): _ = try office.depot.addItem(item, office.admin)
      case .location(let location): _ = try office.depot.addLocation(location, office.admin)
      case .party(let party): _ = try office.depot.addParty(party, office.admin)
      case .user(let change): _ = try office.depot.changeUser(change, office.admin)
      }
    }
  }
}
