import Testing

@testable import Inventory

/// Codes and user names are unique ignoring letter case: `GLOVE` and `glove` cannot both exist.
@Suite struct CodeCaseTests {
  @Test func aCodeThatDiffersOnlyInCaseIsRefusedNamingTheExistingOne() throws {
    let office = try TestOffice()
    #expect(throws: DepotError.duplicateCode(kind: "item", code: "GLOVE")) {
      try office.depot.addItem(
        NewItem(code: "glove", name: "手套", category: .protective, unit: "piece"), office.admin)
    }
    #expect(throws: DepotError.duplicateCode(kind: "warehouse", code: "WH-CENTRAL")) {
      try office.depot.addLocation(
        NewLocation(code: "wh-central", name: "仓库", kind: .site), office.admin)
    }
    #expect(throws: DepotError.duplicateCode(kind: "donor", code: "DON-RC")) {
      try office.depot.addParty(NewParty(code: "Don-Rc", name: "红会", kind: .donor), office.admin)
    }
    #expect(throws: DepotError.duplicateUser("wang")) {
      try office.depot.changeUser(UserChange(.add, name: "WANG", roles: [.clerk]), office.admin)
    }
  }
}
