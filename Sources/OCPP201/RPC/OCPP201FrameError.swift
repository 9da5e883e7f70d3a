import OCPP

/// Why a text message is not a well-formed OCPP-J 2.0.1 frame, with the 2.0.1 code to answer it
/// with (`RpcFrameworkError` or `MessageTypeNotSupported`).
public typealias OCPP201FrameError = RPCFrameError<OCPP201ErrorCode>
