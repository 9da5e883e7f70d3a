/// The PDUs of the read functions (Modbus Application Protocol v1.1b3, §6.3, §6.4, §7).
public enum ModbusPDU {
    /// The most registers one read may ask for (§6.3: 125).
    public static let maximumRegistersPerRead = 125

    /// `function`, starting address, quantity of registers.
    public static func readRequest(_ function: ModbusReadFunction, address: UInt16, count: UInt16) -> [UInt8] {
        [function.rawValue, UInt8(address >> 8), UInt8(address & 0xFF), UInt8(count >> 8), UInt8(count & 0xFF)]
    }

    /// The registers of a read response to `function` for `count` registers; throws the exception
    /// the device answered with, or what is wrong with the answer.
    public static func registers(
        fromResponse pdu: [UInt8], to function: ModbusReadFunction, count: Int
    ) throws(ModbusError) -> [UInt16] {
        guard let code = pdu.first else { throw .malformed("empty PDU") }
        if code == function.rawValue | 0x80 {
            guard pdu.count == 2 else { throw .malformed("exception response of \(pdu.count) bytes") }
            throw .exception(function: function.rawValue, code: ModbusExceptionCode(pdu[1]))
        }
        guard code == function.rawValue else { throw .malformed("function \(code) in answer to \(function.rawValue)") }
        guard pdu.count >= 2, Int(pdu[1]) == count * 2, pdu.count == 2 + count * 2 else {
            throw .malformed("\(pdu.count >= 2 ? Int(pdu[1]) : 0) data bytes for \(count) registers")
        }
        return (0..<count).map { index in UInt16(pdu[2 + 2 * index]) << 8 | UInt16(pdu[3 + 2 * index]) }
    }
}
