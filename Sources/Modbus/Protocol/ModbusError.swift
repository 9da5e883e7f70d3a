import Transport

/// Why a Modbus read got no registers; `description` is the reason a source shows.
public enum ModbusError: Error, Sendable, Equatable, CustomStringConvertible {
    /// No connection, or it broke.
    case transport(TransportError)
    /// No answer within the timeout.
    case timedOut(seconds: Double)
    /// The device answered with an exception response.
    case exception(function: UInt8, code: ModbusExceptionCode)
    /// The answer does not follow the protocol; the text says how.
    case malformed(String)
    /// The waiting task was cancelled.
    case cancelled

    public var description: String {
        switch self {
        case .transport(let error): "\(error)"
        case .timedOut(let seconds):
            "no answer within \(seconds == seconds.rounded() && seconds < 1e9 ? String(Int(seconds)) : String(seconds)) s"
        case .exception(let function, let code): "Modbus exception to function \(function): \(code)"
        case .malformed(let reason): "malformed Modbus answer: \(reason)"
        case .cancelled: "cancelled"
        }
    }
}
