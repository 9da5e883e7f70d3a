import JSON

/// The contents of a CALLERROR: why a CALL was refused.
///
/// Decoding an incoming CALL throws it with the code and description to answer with; the
/// session layer can also use it for a CALLERROR received from a charger.
public struct RPCCallError<Code: RPCErrorCode>: Error, Sendable, Hashable, CustomStringConvertible {
    public var code: Code
    public var message: String
    public var details: JSONObject

    public init(code: Code, message: String, details: JSONObject = JSONObject()) {
        self.code = code
        self.message = message
        self.details = details
    }

    /// The refusal of a payload that breaks its schema; the description names the field.
    public init(_ error: OCPPValidationError) {
        self.init(code: Code(error), message: error.description)
    }

    public var description: String { "\(code.rawValue): \(message)" }

    /// The CALLERROR frame answering the CALL with `uniqueId`, its description cut to what the
    /// version allows (`RPCErrorCode.maximumDescriptionLength`).
    public func frame(answering uniqueId: String) -> RPCFrame<Code> {
        .callError(uniqueId: uniqueId, code: code, description: Code.fitting(message), details: details)
    }
}
