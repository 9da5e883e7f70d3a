import JSON
import OCPP

/// The answer hook for one incoming CALL: call `confirm` or `fail` once, from any thread.
public struct CallReply: Sendable {
    let session: ChargePointSession
    public let uniqueId: String
    public let action: String

    /// Answers with a CALLRESULT.
    public func confirm(_ payload: JSONObject) {
        let session = session, uniqueId = uniqueId
        session.loop.runOnLoop { session.sendCallResult(uniqueId: uniqueId, payload: payload) }
    }

    /// Answers with a typed confirmation.
    public func confirm(_ confirmation: some OCPPPayload) {
        confirm(confirmation.jsonObject)
    }

    /// Answers with a CALLERROR.
    public func fail(_ code: OCPPErrorCode, _ description: String) {
        let session = session, uniqueId = uniqueId
        session.loop.runOnLoop { session.sendCallError(uniqueId: uniqueId, code: code, description: description) }
    }
}
