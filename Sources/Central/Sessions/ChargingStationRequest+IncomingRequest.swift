import OCPP201

/// OCPP 2.0.1's incoming CALLs, answered with 2.0.1 error codes.
extension ChargingStationRequest: IncomingRequest {
    typealias ErrorCode = OCPP201ErrorCode
}
