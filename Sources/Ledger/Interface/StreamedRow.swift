/// One row of a streamed query, read in place without copying: valid only inside the
/// callback that receives it; columns are read by index.
public protocol StreamedRow {
  /// The integer in `column` (0 for NULL).
  func integer(_ column: Int32) -> Int64

  /// Whether `column` is NULL.
  func isNull(_ column: Int32) -> Bool

  /// The UTF-8 bytes of the text in `column` (empty for NULL), valid until the next row.
  func text(_ column: Int32) -> UnsafeBufferPointer<UInt8>
}
