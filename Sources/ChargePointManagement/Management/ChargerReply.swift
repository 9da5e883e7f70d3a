import JSON
import OCPP

/// How `ChargerFleet` answers one charger CALL: the payload of a CALLRESULT, or a CALLERROR.
public enum ChargerReply: Sendable, Equatable {
    case confirm(JSONObject)
    case fail(OCPPErrorCode, String)
}
