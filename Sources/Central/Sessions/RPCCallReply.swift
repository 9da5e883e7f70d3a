import JSON
import OCPP

/// The answer hook for one incoming CALL, of either version (`CallReply` for 1.6,
/// `OCPP201CallReply` for 2.0.1): call `confirm` or `fail` once, from any thread. A CALLERROR
/// carries the version's error code.
public struct RPCCallReply<Code: RPCErrorCode>: Sendable {
    let session: ChargePointSession
    public let uniqueId: String
    public let action: String

    /// Answers with a CALLRESULT.
    public func confirm(_ payload: JSONObject) {
        let session = session, uniqueId = uniqueId
        session.loop.runOnLoop { session.sendCallResult(uniqueId: uniqueId, payload: payload) }
    }

    /// Answers with a typed confirmation (1.6) or response (2.0.1).
    public func confirm(_ payload: some OCPPObjectCodable) {
        confirm(payload.jsonObject)
    }

    /// Answers with a CALLERROR.
    public func fail(_ code: Code, _ description: String) {
        let session = session, uniqueId = uniqueId
        session.loop.runOnLoop { session.sendCallError(uniqueId: uniqueId, code: code, description: description) }
    }
}
