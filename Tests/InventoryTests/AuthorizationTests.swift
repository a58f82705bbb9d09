import Testing

@testable import Inventory

@Suite struct AuthorizationTests {
  @Test func everyWriteNeedsItsRole() throws {
    let office = try TestOffice()
    #expect(
      throws: DepotError.missingRole(
        user: "wang", action: "record emergency receipts", roles: [.approver])
    ) {
      try office.receive("GLOVE", 10, as: "wang")
    }
    #expect(throws: DepotError.missingRole(user: "wang", action: "add items", roles: [.admin])) {
      try office.depot.addItem(
        NewItem(code: "X", name: "x", category: .other, unit: "piece"), office.context("wang"))
    }
    #expect(
      throws: DepotError.missingRole(user: "audit", action: "transfer stock", roles: [.clerk])
    ) {
      try office.transfer("GLOVE", 1, as: "audit")
    }
  }

  @Test func whoActsMustBeGivenAndRegistered() throws {
    let office = try TestOffice()
    #expect(throws: DepotError.noActor) {
      try office.depot.stock(StockQuery(), as: nil)
    }
    #expect(throws: DepotError.unknownUser("mallory")) {
      try office.depot.stock(StockQuery(), as: "mallory")
    }
  }

  @Test func readingIsOpenToEveryRegisteredUser() throws {
    let office = try TestOffice()
    try office.receive("GLOVE", 10)
    for user in ["chen", "wang", "zhang", "li", "sun", "audit"] {
      #expect(try office.depot.stock(StockQuery(), as: user).count == 1)
    }
  }

  @Test func requestersAreBoundToSites() throws {
    let office = try TestOffice()
    #expect(
      throws: DepotError.invalidOption(
        field: .site, reason: "is needed for a requester: requesters are bound to their sites")
    ) {
      try office.depot.changeUser(UserChange(.add, name: "ma", roles: [.requester]), office.admin)
    }
    #expect(throws: DepotError.wrongKind(code: "WH-TOWN", kind: "warehouse", expected: "site")) {
      try office.depot.changeUser(
        UserChange(.add, name: "ma", roles: [.requester], sites: ["WH-TOWN"]), office.admin)
    }
  }

  @Test func packsMustBeWholeAndConsistent() throws {
    let office = try TestOffice()
    let item = try office.depot.addItem(
      NewItem(
        code: "SANITISER", name: "免洗手消毒液 700ml", category: .disinfectant, unit: "bottle",
        packs: ["case=24", "pallet=40case"]), office.admin)
    #expect(item.packs.map(\.quantity) == [24, 960])
    for bad in ["case", "case=0", "case=1.5", "case=2crate", "bottle=5"] {
      #expect(throws: DepotError.self, "\(bad)") {
        try office.depot.addItem(
          NewItem(code: "S2", name: "x", category: .other, unit: "bottle", packs: [bad]),
          office.admin)
      }
    }
  }

  @Test func nobodyRejectsARequestTheyMadeThemselves() throws {
    let office = try TestOffice()
    _ = try office.depot.changeUser(
      UserChange(.grant, name: "zhang", roles: [.requester], sites: ["SITE-CP3"]), office.admin)
    _ = try office.depot.changeUser(
      UserChange(.grant, name: "chen", roles: [.approver]), office.admin)
    try office.receive("GLOVE", 100)
    let number = try office.request([("GLOVE", 10)], as: "zhang").number
    let before = try office.depot.issuance(number, as: "audit")
    #expect(throws: DepotError.fourEyes(user: "zhang", document: number, earlierStep: "requested"))
    {
      try office.decide(.reject, number, as: "zhang")
    }
    #expect(try office.depot.issuance(number, as: "audit") == before)
    #expect(try office.decide(.reject, number, as: "chen").state == "rejected")
  }

  @Test func withdrawingOnesOwnRequestIsNoDecisionOnIt() throws {
    let office = try TestOffice()
    _ = try office.depot.changeUser(
      UserChange(.grant, name: "zhang", roles: [.requester], sites: ["SITE-CP3"]), office.admin)
    try office.receive("GLOVE", 100)
    let number = try office.request([("GLOVE", 10)], as: "zhang").number
    #expect(try office.decide(.cancel, number, as: "zhang").state == "cancelled")
  }

  @Test func nobodySignsTheGreenChannelForWhatTheyRequested() throws {
    let office = try TestOffice()
    _ = try office.depot.changeUser(
      UserChange(.grant, name: "wang", roles: [.approver]), office.admin)
    let number = try office.requestAndApprove([("GLOVE", 10)])
    let approved = try office.depot.purchaseRequest(number)
    let emergency = PurchaseOrderInput(
      request: number, supplier: "SUP-JX", prices: [price("GLOVE", 20)],
      emergencyJustification: "the epidemic cannot wait")
    #expect(throws: DepotError.fourEyes(user: "wang", document: number, earlierStep: "requested")) {
      try office.depot.placeOrder(emergency, office.context("wang"))
    }
    #expect(try office.depot.purchaseRequest(number) == approved)
    #expect(try office.depot.procurements(state: .only(.ordered), as: "audit").isEmpty)
    let order = try office.depot.placeOrder(emergency, office.context("zhang"))
    #expect(order.emergency)
    #expect(order.number == "PO-2026-000001")
  }
}
