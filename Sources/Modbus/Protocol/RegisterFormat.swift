/// How a value sits in registers (SPEC §8 `format`): 16-bit integers in one register, 32-bit
/// integers and IEEE 754 floats in two. Modbus sends each register high byte first; the order of
/// the two registers of a 32-bit value is the device's (`WordOrder`).
public enum RegisterFormat: String, Sendable, CaseIterable {
    case uint16, int16, uint32, int32, float32

    /// Registers the value takes.
    public var registerCount: Int {
        switch self {
        case .uint16, .int16: 1
        case .uint32, .int32, .float32: 2
        }
    }

    /// The value of `registers` (exactly `registerCount` of them); nil for a float that is not a
    /// number (NaN or infinite).
    public func value(of registers: [UInt16], wordOrder: WordOrder = .big) -> Double? {
        precondition(registers.count == registerCount, "\(self) takes \(registerCount) registers")
        switch self {
        case .uint16: return Double(registers[0])
        case .int16: return Double(Int16(bitPattern: registers[0]))
        case .uint32: return Double(RegisterFormat.combined(registers, wordOrder))
        case .int32: return Double(Int32(bitPattern: RegisterFormat.combined(registers, wordOrder)))
        case .float32:
            let value = Float(bitPattern: RegisterFormat.combined(registers, wordOrder))
            return value.isFinite ? Double(value) : nil
        }
    }

    static func combined(_ registers: [UInt16], _ wordOrder: WordOrder) -> UInt32 {
        let (high, low) = wordOrder == .big ? (registers[0], registers[1]) : (registers[1], registers[0])
        return UInt32(high) << 16 | UInt32(low)
    }
}
