/// Where values read by sources go: the inputs, the same way `PUT /api/inputs` sets them (names,
/// base units, `inputMaxAge`). The App gives the scheduling engine's.
public protocol InputSink: Sendable {
    /// Sets each input to its value; throws the reason when they are refused (a value out of
    /// range), which counts as a failed read of the source.
    func setInputs(_ values: [String: Double]) async throws(SourceError)
}
