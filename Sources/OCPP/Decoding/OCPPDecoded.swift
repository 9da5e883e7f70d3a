/// A decoded value with the warnings a lenient decoding produced (always empty in strict mode).
public struct OCPPDecoded<Value: Sendable>: Sendable {
    public var value: Value
    public var warnings: [OCPPValidationWarning]

    public init(value: Value, warnings: [OCPPValidationWarning] = []) {
        self.value = value
        self.warnings = warnings
    }
}

extension OCPPDecoded: Equatable where Value: Equatable {}
