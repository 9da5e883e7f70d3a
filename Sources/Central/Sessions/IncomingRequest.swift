import JSON
import OCPP

/// What a session decodes an incoming CALL into, in either version: 1.6's `ChargePointRequest`,
/// 2.0.1's `ChargingStationRequest`. A CALL that does not decode throws the CALLERROR to answer
/// with, in the version's error codes.
protocol IncomingRequest: Sendable {
    associatedtype ErrorCode: RPCErrorCode
    static func decode(action: String, payload: JSONObject, mode: OCPPValidationMode)
        throws(RPCCallError<ErrorCode>) -> OCPPDecoded<Self>
}
