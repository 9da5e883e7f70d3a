import OCPP

/// One OCPP-J 2.0.1 RPC message, with the 2.0.1 error codes; parsed and written by the same code
/// as 1.6's `OCPPFrame` (`RPCFrame`).
public typealias OCPP201Frame = RPCFrame<OCPP201ErrorCode>
