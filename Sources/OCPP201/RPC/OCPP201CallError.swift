import OCPP

/// Why an OCPP 2.0.1 CALL was refused, with a 2.0.1 error code.
public typealias OCPP201CallError = RPCCallError<OCPP201ErrorCode>
