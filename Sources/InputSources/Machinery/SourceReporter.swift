/// What a running source reports to: given to `InputSource.run`. Each report is handled before
/// `report` returns (the values delivered to the inputs, the status updated), so a source never
/// has more than one reading on its way.
public struct SourceReporter: Sendable {
    let sourceName: String
    let set: InputSourceSet

    /// A reading (input name to value) or why there is none.
    public func report(_ result: Result<[String: Double], SourceError>) async {
        await set.handle(result, from: sourceName)
    }
}
