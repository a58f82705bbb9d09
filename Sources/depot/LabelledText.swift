/// `Label: value` for a `show` output, each further line of a value written over several lines
/// (a note, a reason) indented to the column the value starts in.
func labelled(_ label: String, _ value: String) -> String {
  let indent = "\n" + String(repeating: " ", count: label.count + 2)
  return "\(label): "
    + value.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: indent)
}
