import OCPP

/// OCPP 1.6's incoming CALLs, answered with 1.6 error codes.
extension ChargePointRequest: IncomingRequest {
    typealias ErrorCode = OCPPErrorCode
}
