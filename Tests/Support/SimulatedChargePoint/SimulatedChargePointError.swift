import OCPP

/// Why a `SimulatedChargePoint` operation failed.
public enum SimulatedChargePointError: Error, CustomStringConvertible {
    /// The WebSocket failed (timeout, closed, ...).
    case transport(TestWebSocketClientError)
    /// The central system answered the charger's CALL with a CALLERROR.
    case callError(code: OCPPErrorCode, description: String)
    /// The central system's answer broke the confirmation's schema.
    case invalidConfirmation(String)
    /// Something arrived that is not OCPP-J.
    case unexpectedMessage(String)
    /// `waitForCall` saw no matching CALL in time.
    case noSuchCall(action: String, received: [String])

    public var description: String {
        switch self {
        case .transport(let error): "transport: \(error)"
        case .callError(let code, let description): "CALLERROR \(code.rawValue): \(description)"
        case .invalidConfirmation(let reason): "invalid confirmation: \(reason)"
        case .unexpectedMessage(let text): "unexpected message: \(text)"
        case .noSuchCall(let action, let received): "no \(action) received; got \(received)"
        }
    }
}
