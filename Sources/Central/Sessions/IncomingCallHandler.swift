import OCPP201

/// Answers chargers' calls. Ampwise's charge point management implements it.
///
/// It is called on the charger's event loop so that frequent messages (Heartbeat, MeterValues)
/// are answered without a thread hop; an implementation that needs to wait (a database commit
/// before answering StartTransaction) keeps the `reply` and answers later from any thread.
public protocol IncomingCallHandler: Sendable {
    func handle(_ call: IncomingCall, from session: ChargePointSession, reply: CallReply)
    /// A CALL on a connection that speaks OCPP 2.0.1.
    func handle(_ call: IncomingOCPP201Call, from session: ChargePointSession, reply: OCPP201CallReply)
    /// A charger completed its WebSocket upgrade (also when it replaced an older connection).
    func chargerConnected(_ session: ChargePointSession)
    /// A charger's connection closed.
    func chargerDisconnected(_ session: ChargePointSession)
}

extension IncomingCallHandler {
    /// A handler that only speaks 1.6 refuses every 2.0.1 CALL with `NotSupported`.
    public func handle(_ call: IncomingOCPP201Call, from session: ChargePointSession, reply: OCPP201CallReply) {
        reply.fail(.notSupported, "\(call.request.action.rawValue) is not handled by this central system")
    }
}
