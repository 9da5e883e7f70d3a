/// A payload that breaks its schema: the CALLERROR code, the field and the reason.
///
/// The code is spelled as OCPP-J 1.6 spells it; a 2.0.1 connection answers with the same kind of
/// code in 2.0.1's spelling (`RPCErrorCode.init(_:)`: `FormatViolation`,
/// `OccurrenceConstraintViolation`). Which code answers which violation, from the OCPP-J 1.6
/// definitions (section 4.2.3):
/// - a required property is missing, or an array has fewer items than `minItems` (or more than
///   `maxItems`): `OccurenceConstraintViolation` ("violates occurence constraints");
/// - a value of the wrong JSON type (`"connectorId": "one"`, or `null`):
///   `TypeConstraintViolation` ("violates data type constraints (e.g. "somestring": 12)");
/// - a value of the right type that is not allowed (not in the enumeration, longer than
///   `maxLength`, not a date-time or URI, not a multiple of 0.1, outside `minimum` and `maximum`):
///   `PropertyConstraintViolation` ("at least one field contains an invalid value");
/// - a property the schema does not define (`additionalProperties: false`):
///   `FormationViolation` ("not conform the PDU structure for Action"): the payload's
///   structure is wrong, no defined field holds a bad value.
public struct OCPPValidationError: Error, Sendable, Hashable, CustomStringConvertible {
    public var code: OCPPErrorCode
    /// The field, as `meterValue[0].sampledValue[1].unit`; empty for the payload itself.
    public var path: String
    /// What is wrong with it, as `"kWhh" is not one of Wh, kWh, ...`.
    public var reason: String

    public init(code: OCPPErrorCode, path: String, reason: String) {
        self.code = code
        self.path = path
        self.reason = reason
    }

    /// `path: reason`, the CALLERROR description.
    public var description: String { path.isEmpty ? reason : "\(path): \(reason)" }
}
