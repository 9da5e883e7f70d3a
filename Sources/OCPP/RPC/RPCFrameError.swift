import JSON

/// Why a text message is not a well-formed OCPP-J frame, with what is needed to answer it.
public struct RPCFrameError<Code: RPCErrorCode>: Error, Sendable, Hashable, CustomStringConvertible {
    /// The frame's unique id when it could be read as a string; an over-long or empty id is
    /// kept too, so that the answer still reaches the request it refuses.
    public var uniqueId: String?
    /// The message type number when one could be read.
    public var messageTypeId: Int?
    /// The code to answer with.
    public var code: Code
    /// What is wrong, for the CALLERROR description and the log.
    public var message: String

    public init(uniqueId: String?, messageTypeId: Int?, code: Code, message: String) {
        self.uniqueId = uniqueId
        self.messageTypeId = messageTypeId
        self.code = code
        self.message = message
    }

    public var description: String { "\(code.rawValue): \(message)" }

    /// The CALLERROR to send back, or `nil` when the frame must only be logged and dropped.
    ///
    /// Only a CALL (or a frame whose type is unknown) is answered: a CALLERROR answering a
    /// broken CALLRESULT or CALLERROR would itself be an answer nobody asked for. Without a
    /// readable id there is nothing the peer could match an answer to. The description is cut
    /// to what the version allows (`RPCErrorCode.maximumDescriptionLength`).
    public var reply: RPCFrame<Code>? {
        guard let uniqueId else { return nil }
        switch messageTypeId {
        case OCPPMessageType.callResult.rawValue, OCPPMessageType.callError.rawValue:
            return nil
        default:
            return .callError(
                uniqueId: uniqueId, code: code, description: Code.fitting(message), details: JSONObject())
        }
    }
}
