import JSON
import OCPP

/// How a `SimulatedChargePoint` answers one CALL from the central system.
public enum SimulatedAnswer: Sendable, Equatable {
    /// A CALLRESULT with this payload.
    case result(JSONObject)
    /// A CALLERROR.
    case error(OCPPErrorCode, String)
    /// No answer at all (the central system's call times out).
    case silence

    /// A CALLRESULT `{"status": status}`.
    public static func status(_ status: String) -> SimulatedAnswer {
        .result(JSONObject([("status", .string(status))]))
    }
}
