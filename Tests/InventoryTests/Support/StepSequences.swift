import PropertyBased
import Testing

/// Runs `run` on `count` random sequences of steps from `steps`. An error it throws is
/// recorded with the steps that led to it, which the property check then shrinks.
func checkStepSequences<Steps, Shrinks: SendableSequenceType>(
  count: Int, _ steps: Generator<Steps, Shrinks>, _ run: (Steps) throws -> Void,
  sourceLocation: SourceLocation = #_sourceLocation
) async {
  await propertyCheck(
    count: count, input: steps,
    perform: { steps in
      do {
        try run(steps)
      } catch {
        Issue.record("unexpected error \(error) in \(steps)", sourceLocation: sourceLocation)
      }
    }, sourceLocation: sourceLocation)
}
