/// One OCPP-J 1.6 RPC message, with the 1.6 error codes.
public typealias OCPPFrame = RPCFrame<OCPPErrorCode>
