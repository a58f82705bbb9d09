import Foundation
import Ledger
import Testing

/// Document numbers are per office, per kind and per year, gap-free and unique (SPEC §2),
/// also across rolled-back writes and with writers at the same time (§12).
@Suite struct NumberingContractTests {
  @Test(arguments: StorageImplementation.allCases)
  func numbersCountOnPerKindAndYear(_ implementation: StorageImplementation) throws {
    let ledger = try ContractLedger(implementation)
    let documents = try ledger.sealedWrite { transaction throws in
      try [
        (ContractDocument.receipt, 2026), (.transfer, 2026), (.receipt, 2027), (.receipt, 2026),
        (.transfer, 2027), (.receipt, 2027),
      ].map { kind, year in try transaction.insertDocument(kind, year: year, by: ledger.clerk) }
    }
    #expect(
      documents.map(\.number) == [
        "RCV-2026-000002", "TRF-2026-000002", "RCV-2027-000001", "RCV-2026-000003",
        "TRF-2027-000001", "RCV-2027-000002",
      ])
    #expect(documents.map(\.sequence) == [2, 2, 1, 3, 1, 2])
    #expect(documents.map(\.year) == [2026, 2026, 2027, 2026, 2027, 2027])
    #expect(Set(documents.map(\.id)).count == 6)
    try ledger.store.read { transaction throws in
      for document in documents {
        #expect(try transaction.document(number: document.number) == document)
        #expect(try transaction.document(id: document.id) == document)
      }
    }
    #expect(try ledger.check().problems == [])
  }

  @Test(arguments: StorageImplementation.allCases)
  func aRolledBackWriteLeavesNoGap(_ implementation: StorageImplementation) throws {
    let ledger = try ContractLedger(implementation)
    #expect(throws: ContractFailure.abandoned) {
      try ledger.store.write { transaction throws in
        for year in [2026, 2026, 2027] {
          try transaction.insertDocument(.receipt, year: year, by: ledger.clerk)
        }
        throw ContractFailure.abandoned
      }
    }
    let numbers = try ledger.sealedWrite { transaction throws in
      try [2026, 2027].map { try transaction.insertDocument(.receipt, year: $0, by: ledger.clerk) }
    }
    #expect(numbers.map(\.number) == ["RCV-2026-000002", "RCV-2027-000001"])
  }

  /// Two callers creating documents at the same time never take the same number, and
  /// together leave no gap.
  @Test(arguments: StorageImplementation.allCases)
  func writersAtTheSameTimeNeverShareANumber(_ implementation: StorageImplementation)
    async throws
  {
    let ledger = try ContractLedger(implementation)
    let perWriter = 15
    let sequences = try await withThrowingTaskGroup(of: [Int64].self) { group in
      for _ in 0..<2 {
        group.addTask {
          try (0..<perWriter).map { _ in
            try ledger.sealedWrite { transaction throws in
              try transaction.insertDocument(.receipt, by: ledger.clerk).sequence
            }
          }
        }
      }
      return try await group.reduce(into: []) { $0 += $1 }
    }
    #expect(sequences.sorted() == Array(2...Int64(1 + 2 * perWriter)))
    #expect(
      try ledger.store.read { try $0.document(number: "RCV-2026-000031")?.sequence } == 31)
    #expect(try ledger.check().problems == [])
  }
}
