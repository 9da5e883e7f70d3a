import JSON
import OCPP201

/// The answer hook for one incoming OCPP 2.0.1 CALL: call `confirm` or `fail` once, from any
/// thread. A CALLERROR carries a 2.0.1 error code.
public struct OCPP201CallReply: Sendable {
    let session: ChargePointSession
    public let uniqueId: String
    public let action: String

    /// Answers with a CALLRESULT.
    public func confirm(_ payload: JSONObject) {
        let session = session, uniqueId = uniqueId
        session.loop.runOnLoop { session.sendCallResult(uniqueId: uniqueId, payload: payload) }
    }

    /// Answers with a typed response.
    public func confirm(_ response: some OCPP201Payload) {
        confirm(response.jsonObject)
    }

    /// Answers with a CALLERROR.
    public func fail(_ code: OCPP201ErrorCode, _ description: String) {
        let session = session, uniqueId = uniqueId
        session.loop.runOnLoop { session.sendCallError(uniqueId: uniqueId, code: code, description: description) }
    }
}
