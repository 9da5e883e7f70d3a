/// How strictly incoming payloads are held to the OCPP JSON schemas (1.6 and 2.0.1 alike).
public enum OCPPValidationMode: Sendable, Hashable {
    /// Every schema violation is an error (the default).
    case strict
    /// For chargers with faulty firmware (`strict: false`): extra properties, unknown
    /// enumeration values, over-long strings, numbers sent as strings (and the reverse),
    /// `null` for optional fields, booleans as strings, `multipleOf` misses, integers outside
    /// their bounds, arrays with more items than `maxItems` and date-times without an offset are
    /// accepted and reported as warnings. Missing required fields, arrays with fewer items than
    /// `minItems` and values that cannot be read as the wanted type stay errors.
    case lenient
}
