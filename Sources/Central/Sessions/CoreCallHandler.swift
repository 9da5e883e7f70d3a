import Foundation
import OCPP

/// The smallest useful `IncomingCallHandler`: accepts every BootNotification and answers
/// Heartbeats, and refuses the rest with `NotSupported`.
///
/// Ampwise's charge point management replaces it in `ampwise serve`; it serves the central
/// system's own tests and the transport benchmark, where only the protocol core is measured.
public struct CoreCallHandler: IncomingCallHandler {
    public let heartbeatInterval: Int

    public init(heartbeatInterval: Int) {
        self.heartbeatInterval = heartbeatInterval
    }

    public func handle(_ call: IncomingCall, from session: ChargePointSession, reply: CallReply) {
        switch call.request {
        case .bootNotification:
            reply.confirm(
                BootNotificationConfirmation(status: .accepted, currentTime: Date(), interval: heartbeatInterval))
        case .heartbeat:
            reply.confirm(HeartbeatConfirmation(currentTime: Date()))
        default:
            reply.fail(.notSupported, "\(call.request.action.rawValue) is not handled by this central system")
        }
    }

    public func chargerConnected(_ session: ChargePointSession) {}
    public func chargerDisconnected(_ session: ChargePointSession) {}
}
