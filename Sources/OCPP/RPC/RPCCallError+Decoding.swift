import JSON

extension RPCCallError {
    /// Decodes the payload of a CALL by its action's name, refusing it as every OCPP version
    /// does: an action the version does not define with `NotImplemented`, one this side does not
    /// take (`accepts` says no) with `NotSupported` ("Reset is sent by `otherSide`, not to it"),
    /// a payload breaking its schema with the code for the violation and a description naming
    /// the field. `decode` reads the payload of an accepted action into the caller's request enum.
    public static func decodeCall<Action: RawRepresentable<String>, Value: Sendable>(
        action name: String, accepts: (Action) -> Bool, otherSide: String,
        decode: (Action) throws(OCPPValidationError) -> OCPPDecoded<Value>?
    ) throws(RPCCallError<Code>) -> OCPPDecoded<Value> {
        guard let action = Action(rawValue: name) else {
            throw RPCCallError(code: .notImplemented, message: "unknown action \"\(name)\"")
        }
        guard accepts(action) else {
            throw RPCCallError(code: .notSupported, message: "\(name) is sent by \(otherSide), not to it")
        }
        let decoded: OCPPDecoded<Value>?
        do {
            decoded = try decode(action)
        } catch {
            throw RPCCallError(error)
        }
        guard let decoded else {
            // Unreachable while every accepted action has a case; kept total on purpose.
            throw RPCCallError(code: .internalError, message: "\(name) has no decoder")
        }
        return decoded
    }
}
