import JSON

/// The contents of a CALLERROR: why a CALL was refused.
///
/// Decoding an incoming CALL throws it with the code and description to answer with; the
/// session layer can also use it for a CALLERROR received from a charger.
public struct OCPPCallError: Error, Sendable, Hashable, CustomStringConvertible {
    public var code: OCPPErrorCode
    public var message: String
    public var details: JSONObject

    public init(code: OCPPErrorCode, message: String, details: JSONObject = JSONObject()) {
        self.code = code
        self.message = message
        self.details = details
    }

    /// The refusal of a payload that breaks its schema; the description names the field.
    public init(_ error: OCPPValidationError) {
        self.init(code: error.code, message: error.description)
    }

    public var description: String { "\(code.rawValue): \(message)" }

    /// The CALLERROR frame answering the CALL with `uniqueId`.
    public func frame(answering uniqueId: String) -> OCPPFrame {
        .callError(uniqueId: uniqueId, code: code, description: message, details: details)
    }
}
