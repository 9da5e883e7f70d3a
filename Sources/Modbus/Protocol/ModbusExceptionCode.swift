/// The exception code of a Modbus exception response (Modbus Application Protocol v1.1b3, §7).
public struct ModbusExceptionCode: Sendable, Equatable, CustomStringConvertible {
    public let rawValue: UInt8

    public init(_ rawValue: UInt8) {
        self.rawValue = rawValue
    }

    /// `illegal data address (2)`.
    public var description: String {
        let name: String
        switch rawValue {
        case 1: name = "illegal function"
        case 2: name = "illegal data address"
        case 3: name = "illegal data value"
        case 4: name = "server device failure"
        case 5: name = "acknowledge"
        case 6: name = "server device busy"
        case 8: name = "memory parity error"
        case 10: name = "gateway path unavailable"
        case 11: name = "gateway target device failed to respond"
        default: name = "exception"
        }
        return "\(name) (\(rawValue))"
    }
}
