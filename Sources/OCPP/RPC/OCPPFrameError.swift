/// Why a text message is not a well-formed OCPP-J 1.6 frame, with the 1.6 code to answer it with.
public typealias OCPPFrameError = RPCFrameError<OCPPErrorCode>
