import Modbus

/// Holding registers for tests: unset registers answer an illegal data address exception, as a
/// device does.
struct RegisterMap: Sendable {
    private var registers: [UInt16: UInt16] = [:]

    mutating func put(_ address: UInt16, _ values: [UInt16]) {
        for (index, value) in values.enumerated() { registers[address + UInt16(index)] = value }
    }

    func read(_ address: UInt16, _ count: Int) throws(ModbusError) -> [UInt16] {
        var values: [UInt16] = []
        for index in 0..<count {
            guard let value = registers[address &+ UInt16(index)] else {
                throw .exception(function: 3, code: ModbusExceptionCode(2))
            }
            values.append(value)
        }
        return values
    }
}
