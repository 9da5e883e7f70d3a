/// Why a simulated charger's connection failed.
public enum SimulationError: Error, Sendable, Equatable, CustomStringConvertible {
    case connectFailed(String)
    case upgradeRefused(String)
    case closed
    case protocolViolation(String)

    public var description: String {
        switch self {
        case .connectFailed(let reason): "cannot connect: \(reason)"
        case .upgradeRefused(let reason): "the WebSocket upgrade was refused: \(reason)"
        case .closed: "the connection closed"
        case .protocolViolation(let reason): "protocol violation: \(reason)"
        }
    }
}
