@testable import Inventory

/// Names every field as an option spelled like its key (`--date`), as the command line names
/// most of them: for the sentences of tests that read like the command line's.
struct DashedKeys: FieldNaming {
  func name(of field: Field) -> String { "--" + field.rawValue }
}
