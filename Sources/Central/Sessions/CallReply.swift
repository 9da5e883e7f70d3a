import OCPP

/// The answer hook for one incoming OCPP 1.6 CALL: a CALLERROR carries a 1.6 error code.
public typealias CallReply = RPCCallReply<OCPPErrorCode>
