/// Why a CALL was refused, with an OCPP-J 1.6 error code.
public typealias OCPPCallError = RPCCallError<OCPPErrorCode>
