/// A decoded value with the warnings a lenient decoding produced (always empty in strict mode).
public struct OCPPDecoded<Value: Sendable>: Sendable {
    public var value: Value
    public var warnings: [OCPPValidationWarning]

    public init(value: Value, warnings: [OCPPValidationWarning] = []) {
        self.value = value
        self.warnings = warnings
    }

    /// The same decoding with its value transformed (wrapped in a request enum's case), warnings kept.
    public func map<Other: Sendable>(_ transform: (Value) -> Other) -> OCPPDecoded<Other> {
        OCPPDecoded<Other>(value: transform(value), warnings: warnings)
    }
}

extension OCPPDecoded: Equatable where Value: Equatable {}
