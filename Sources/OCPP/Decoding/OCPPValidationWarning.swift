/// Something a lenient decoding tolerated; the caller logs it.
public struct OCPPValidationWarning: Sendable, Hashable, CustomStringConvertible {
    /// The field, as `meterValue[0].sampledValue[1].unit`.
    public var path: String
    /// What was accepted, as `unknown value "kWhh" kept`.
    public var tolerated: String

    public init(path: String, tolerated: String) {
        self.path = path
        self.tolerated = tolerated
    }

    public var description: String { "\(path): \(tolerated)" }
}
