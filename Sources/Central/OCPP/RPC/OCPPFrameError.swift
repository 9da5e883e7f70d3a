/// Why a text message is not a well-formed OCPP-J frame, with what is needed to answer it.
public struct OCPPFrameError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The frame's unique id when one could be read (a string of at most 36 characters
    /// is not required here: an over-long id is still echoed so the peer can match it).
    public var uniqueId: String?
    /// The message type number when one could be read.
    public var messageTypeId: Int?
    /// The code to answer with.
    public var code: OCPPErrorCode
    /// What is wrong, for the CALLERROR description and the log.
    public var message: String

    public init(uniqueId: String?, messageTypeId: Int?, code: OCPPErrorCode, message: String) {
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
    /// readable id there is nothing the peer could match an answer to.
    public var reply: OCPPFrame? {
        guard let uniqueId else { return nil }
        if let messageTypeId,
            messageTypeId == OCPPMessageType.callResult.rawValue
                || messageTypeId == OCPPMessageType.callError.rawValue
        {
            return nil
        }
        return .callError(uniqueId: uniqueId, code: code, description: message, details: JSONObject())
    }
}
