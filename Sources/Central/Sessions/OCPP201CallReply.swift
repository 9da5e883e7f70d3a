import OCPP201

/// The answer hook for one incoming OCPP 2.0.1 CALL: a CALLERROR carries a 2.0.1 error code.
public typealias OCPP201CallReply = RPCCallReply<OCPP201ErrorCode>
