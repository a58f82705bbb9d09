// swift-tools-version: 6.1
import CompilerPluginSupport
import PackageDescription

let package = Package(
  name: "Depot",
  platforms: [.macOS(.v14)],
  products: [
    .executable(name: "depot", targets: ["depot"]),
    .executable(name: "depot-bench", targets: ["DepotBench"]),
  ],
  dependencies: [
    .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
    .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
    .package(url: "https://github.com/swiftlang/swift-syntax", from: "603.0.1"),
  ],
  targets: [
    .target(
      name: "Schema",
      path: "Schema",
      resources: [
        .embedInCode("v1_core.sql"), .embedInCode("v2_issuance.sql"),
        .embedInCode("v3_procurement.sql"), .embedInCode("v4_waste.sql"),
        .embedInCode("v5_counts.sql"), .embedInCode("v6_trust.sql"),
        .embedInCode("v7_migrations.sql"), .embedInCode("v8_reversals.sql"),
        .embedInCode("v9_line_decisions.sql"),
        .embedInCode("v10_master_data.sql"),
      ]
    ),
    .macro(
      name: "DepotMacros",
      dependencies: [
        .product(name: "SwiftSyntaxMacros", package: "swift-syntax"),
        .product(name: "SwiftCompilerPlugin", package: "swift-syntax"),
      ]
    ),
    .target(name: "Macros", dependencies: ["DepotMacros"]),
    .target(
      name: "Ledger",
      dependencies: ["Macros", .product(name: "Crypto", package: "swift-crypto")],
      path: "Sources/Ledger/Interface"
    ),
    .target(
      name: "LedgerSQLite",
      dependencies: [
        "Ledger",
        "Schema",
        .product(name: "GRDB", package: "GRDB.swift"),
        .product(name: "GRDBSQLite", package: "GRDB.swift"),
        .product(name: "Crypto", package: "swift-crypto"),
      ],
      path: "Sources/Ledger/SQLite"
    ),
    .target(name: "CSV"),
    .target(
      name: "Inventory",
      dependencies: [
        "Ledger",
        "CSV",
        "Macros",
        .product(name: "Crypto", package: "swift-crypto"),
      ]
    ),
    .target(name: "Output"),
    .executableTarget(
      name: "depot",
      dependencies: [
        "Inventory",
        "Ledger",
        "LedgerSQLite",
        "Output",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
        .product(name: "Crypto", package: "swift-crypto"),
      ]
    ),
    .executableTarget(
      name: "DepotBench",
      dependencies: [
        "Inventory", "Ledger", "LedgerSQLite", .product(name: "Crypto", package: "swift-crypto"),
      ]
    ),
    .testTarget(
      name: "LedgerTests",
      dependencies: [
        "Ledger",
        "LedgerSQLite",
        .product(name: "GRDB", package: "GRDB.swift"),
      ]
    ),
    .testTarget(
      name: "InventoryTests",
      dependencies: [
        "Inventory",
        "LedgerSQLite",
        .product(name: "GRDB", package: "GRDB.swift"),
        .product(name: "PropertyBased", package: "swift-property-based"),
      ]
    ),
    .testTarget(
      name: "LedgerContractTests",
      dependencies: [
        "Inventory",
        "Ledger",
        "LedgerSQLite",
        .product(name: "Crypto", package: "swift-crypto"),
      ]
    ),
    .testTarget(
      name: "DepotMacrosTests",
      dependencies: [
        "DepotMacros",
        .product(name: "SwiftSyntaxMacroExpansion", package: "swift-syntax"),
        .product(name: "SwiftSyntaxMacrosGenericTestSupport", package: "swift-syntax"),
      ]
    ),
    .testTarget(
      name: "OutputTests",
      dependencies: ["Output"]
    ),
    .testTarget(
      name: "CSVTests",
      dependencies: ["CSV"]
    ),
    .testTarget(
      name: "DepotCLITests",
      dependencies: ["depot", "Inventory"],
      exclude: ["Golden"]
    ),
  ]
)
