import Testing

@testable import Inventory

@Suite struct ImportTests {
  func request(
    _ kind: ImportKind, _ text: String, byteOrderMark: Bool = false, emergency: String? = nil
  ) -> ImportRequest {
    ImportRequest(
      kind: kind, file: "\(kind.rawValue).csv",
      bytes: (byteOrderMark ? [0xEF, 0xBB, 0xBF] : []) + Array(text.utf8),
      emergencyJustification: emergency)
  }

  /// The problems an import was refused with.
  func problems(_ body: () throws -> Void) -> [ImportProblem] {
    do {
      try body()
    } catch DepotError.importRejected(_, let problems) {
      return problems
    } catch {
      Issue.record("refused otherwise: \(error)")
    }
    return []
  }

  @Test func itemsAreCataloguedWithPacksAndTracking() throws {
    let office = try TestOffice()
    let file = """
      code,name,category,unit,packs,tracking\r
      MASK-N95,"N95口罩, 头戴式",protective,piece,box=20 carton=10box,lot\r
      SANITISER,免洗手消毒液 700ml,disinfectant,bottle,case=24,\r
      SPRAYER,电动喷雾器,equipment,piece,,serial\r

      """
    let summary = try office.depot.importFile(
      request(.items, file, byteOrderMark: true), office.admin)
    #expect(summary.items == ["MASK-N95", "SANITISER", "SPRAYER"])
    let items = try office.depot.items(as: "audit")
    let n95 = try #require(items.first { $0.code == "MASK-N95" })
    #expect(n95.name == "N95口罩, 头戴式")
    #expect(n95.packs.map(\.quantity) == [20, 200])
    #expect(n95.tracking == "lot")
    #expect(items.first { $0.code == "SANITISER" }?.tracking == "none")
    #expect(items.first { $0.code == "SPRAYER" }?.tracking == "serial")
    #expect(try office.verify().ok)
  }

  @Test func threeBadRowsAmongGoodOnesWriteNothingAndAreEachNamedByLine() throws {
    let office = try TestOffice()
    let before = try office.depot.items(as: "audit")
    let head = try office.depot.ledgerHead(as: "audit")
    let file = """
      code,name,category,unit,packs\r
      GOGGLES,护目镜,protective,piece,box=10\r
      GOWN,"隔离衣
      (两行)",protective,piece,\r
      WIPES,消毒湿巾,disinfectant,box,\r
      GLOVE,手套,protective,piece,\r
      CAPSULE,胶囊,medicine,box,strip=1.5\r
      HEATER,暖宝宝,other,piece,\r

      """
    let found = problems {
      _ = try office.depot.importFile(request(.items, file), office.admin)
    }
    #expect(found.map(\.line) == [3, 6, 7])
    #expect(found[0].reason.contains("control characters"))
    #expect(found[1].reason == "item GLOVE already exists; choose another code")
    #expect(found[2].reason.contains("'pack'"))
    #expect(try office.depot.items(as: "audit") == before)
    #expect(try office.depot.ledgerHead(as: "audit") == head)
  }

  @Test func aHeaderWithoutARequiredColumnOrWithAStrangeOneIsRefused() throws {
    let office = try TestOffice()
    let found = problems {
      _ = try office.depot.importFile(
        request(.items, "code,name,unit,colour\nX,x,piece,red\n"), office.admin)
    }
    #expect(found.map(\.line) == [1, 1])
    #expect(found.map(\.reason).contains("the header lacks the column 'category'"))
    #expect(
      throws: DepotError.missingRole(user: "wang", action: "import items", roles: [.admin])
    ) {
      try office.depot.importFile(request(.items, "code\n"), office.context("wang"))
    }
  }

  @Test func receiptsAgainstOrdersBecomeOneReceiptPerOrderAndWarehouse() throws {
    let office = try TestOffice()
    let masks = try office.order(
      [("MASK-SURG", 2_000)], prices: [price("MASK-SURG", 1_799, per: "box")])
    let gloves = try office.order([("GLOVE", 500)], prices: [price("GLOVE", 12)])
    let file = """
      order,warehouse,item,qty,unit,lot,expiry,rejected,reason
      \(masks.number),WH-CENTRAL,MASK-SURG,10,box,L1,2028-01-31,,
      \(gloves.number),WH-CENTRAL,GLOVE,300,,,,20,"torn, wet"
      \(masks.number),WH-TOWN,MASK-SURG,500,,L2,2028-06-30,,
      \(masks.number),WH-CENTRAL,MASK-SURG,1000,,L1,2028-01-31,,

      """
    let summary = try office.depot.importFile(request(.receipts, file), office.context("wang"))
    #expect(summary.rows == 4)
    #expect(
      summary.receipts.map(\.number) == ["RCV-2026-000001", "RCV-2026-000002", "RCV-2026-000003"])
    #expect(summary.receipts.map(\.order) == [masks.number, gloves.number, masks.number])
    #expect(summary.receipts.map(\.warehouse) == ["WH-CENTRAL", "WH-CENTRAL", "WH-TOWN"])
    #expect(summary.receipts.map(\.lines) == [2, 1, 1])
    let order = try office.depot.purchaseOrder(masks.number)
    #expect(order.state == "received")
    #expect(order.totals.received == order.totals.ordered)
    let gloveOrder = try office.depot.purchaseOrder(gloves.number)
    #expect(gloveOrder.state == "partially received")
    #expect(gloveOrder.rejections.map(\.reason) == ["torn, wet"])
    #expect(try office.onHand("MASK-SURG", at: "WH-CENTRAL") == 1_500)
    #expect(try office.verify().ok)
  }

  @Test func receiptRowsAreCheckedAgainstOrdersLotsAndEachOther() throws {
    let office = try TestOffice()
    let order = try office.order([("MASK-SURG", 100)], prices: [price("MASK-SURG", 10)]).number
    let file = """
      order,warehouse,item,qty,lot,expiry,value
      \(order),WH-CENTRAL,MASK-SURG,60,L1,2028-01-31,
      \(order),WH-CENTRAL,MASK-SURG,50,L2,2028-01-31,
      \(order),WH-CENTRAL,MASK-SURG,10,L1,2029-01-31,
      ,WH-CENTRAL,MASK-SURG,10,L1,2028-01-31,
      \(order),WH-CENTRAL,MASK-SURG,10,L3,2028-01-31,5.00
      \(order),WH-CENTRAL,GLOVE,10,,,
      \(order),SITE-CP3,MASK-SURG,10,L3,2028-01-31,
      \(order),WH-CENTRAL,MASK-SURG,10,,,

      """
    let found = problems {
      _ = try office.depot.importFile(request(.receipts, file), office.context("wang"))
    }
    #expect(found.map(\.line) == [3, 4, 5, 6, 7, 8, 9])
    #expect(
      found[0].reason == "cannot accept 50 MASK-SURG on \(order): 40 ordered and not yet received")
    #expect(found[1].reason.contains("received with expiry 2028-01-31, not 2029-01-31"))
    #expect(found[2].reason == DepotError.orderRequired.description)
    #expect(found[5].reason == "SITE-CP3 is a site, not a warehouse")
    #expect(try office.onHand().isEmpty)
  }

  @Test func anEmergencyImportIsAnApproversAndSignedPerReceipt() throws {
    let office = try TestOffice()
    let file = """
      supplier,warehouse,item,qty,serial,value
      SUP-JX,WH-CENTRAL,THERMO-IR,1,IR-1,150.00
      SUP-JX,WH-CENTRAL,THERMO-IR,1,IR-2,150.00
      SUP-JX,WH-CENTRAL,GLOVE,100,,12.34

      """
    #expect(
      throws: DepotError.missingRole(
        user: "wang", action: "import emergency receipts", roles: [.approver])
    ) {
      try office.depot.importFile(
        request(.receipts, file, emergency: "delivered before the order"), office.context("wang"))
    }
    let signaturesBefore = try office.verify().signatures
    let summary = try office.depot.importFile(
      request(.receipts, file, emergency: "delivered before the order"), office.context("zhang"))
    #expect(summary.receipts.map(\.lines) == [3])
    #expect(try office.verify().signatures == signaturesBefore + 1)
    #expect(try office.onHand("THERMO-IR", at: "WH-CENTRAL") == 2)
    let duplicate = problems {
      _ = try office.depot.importFile(
        request(.receipts, file, emergency: "again"), office.context("zhang"))
    }
    #expect(duplicate.map(\.line) == [2, 3])
    #expect(try office.verify().ok)
  }

  @Test func untrackedRowsOfOneOrderShareOneStockLayer() throws {
    let office = try TestOffice()
    let order = try office.order([("GLOVE", 500)], prices: [price("GLOVE", 12)]).number
    let file =
      "order,warehouse,item,qty\n\(order),WH-CENTRAL,GLOVE,100\n\(order),WH-CENTRAL,GLOVE,50\n"
    _ = try office.depot.importFile(request(.receipts, file), office.context("wang"))
    _ = try office.receive("GLOVE", 25, against: order)
    let layers = try office.depot.stock(StockQuery(byLot: true), as: "audit")
    #expect(layers.map(\.onHand) == [175])
    #expect(try office.verify().ok)
  }

  @Test func theSameFileWithTheSameReferenceImportsOnce() throws {
    let office = try TestOffice()
    let order = try office.order([("GLOVE", 500)], prices: [price("GLOVE", 12)]).number
    let file = "order,warehouse,item,qty\n\(order),WH-CENTRAL,GLOVE,100\n"
    let first = try office.depot.importFile(
      request(.receipts, file), office.context("wang", ref: "import-1"))
    let again = try office.depot.importFile(
      request(.receipts, file), office.context("wang", ref: "import-1"))
    #expect(again == first)
    #expect(try office.onHand("GLOVE", at: "WH-CENTRAL") == 100)
  }

  @Test func aLargeFileImportsInOneTransaction() throws {
    let office = try TestOffice()
    let order = try office.order([("MASK-SURG", 5_000_000)], prices: [price("MASK-SURG", 37)])
      .number
    var file = "order,warehouse,item,qty,lot,expiry\r\n"
    for row in 0..<3_000 {
      file +=
        "\(order),WH-CENTRAL,MASK-SURG,\(row % 90 + 10),L\(row % 40),2028-0\(row % 40 % 9 + 1)-01\r\n"
    }
    let summary = try office.depot.importFile(request(.receipts, file), office.context("wang"))
    #expect(summary.rows == 3_000)
    #expect(summary.receipts.count == 1)
    let head = try office.depot.ledgerHead(as: "audit")
    #expect(head.movementId == 3_000)
    #expect(try office.depot.stock(StockQuery(byLot: true), as: "audit").count == 40)
    #expect(try office.verify().ok)
  }
}
