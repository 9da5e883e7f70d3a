/// The two read functions Ampwise uses (Modbus Application Protocol v1.1b3, §6.3 and §6.4).
public enum ModbusReadFunction: UInt8, Sendable, CaseIterable {
    /// Function code 3, Read Holding Registers.
    case holding = 3
    /// Function code 4, Read Input Registers.
    case input = 4

    /// The configuration's word for it (`sources.<name>.inputs.<input>.function`).
    public var name: String {
        switch self {
        case .holding: "holding"
        case .input: "input"
        }
    }
}
