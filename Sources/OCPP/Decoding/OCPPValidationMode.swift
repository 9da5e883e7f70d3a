/// How strictly incoming payloads are held to the OCPP 1.6 JSON schemas.
public enum OCPPValidationMode: Sendable, Hashable {
    /// Every schema violation is an error (the default).
    case strict
    /// For chargers with faulty firmware (`strict: false`): extra properties, unknown
    /// enumeration values, over-long strings, numbers sent as strings (and the reverse),
    /// `null` for optional fields, booleans as strings, `multipleOf` misses and date-times
    /// without an offset are accepted and reported as warnings. Missing required fields and
    /// values that cannot be read as the wanted type stay errors.
    case lenient
}
