import Modbus
import Testing

/// The examples of the Modbus Application Protocol Specification v1.1b3 (§6.3 Read Holding
/// Registers, §6.4 Read Input Registers, §7 exception responses), framed as the Modbus Messaging on
/// TCP/IP Implementation Guide v1.0b (§3.1.3) says.
@Suite struct ModbusCodecTests {
    @Test func readHoldingRegistersRequestIsTheSpecificationsExample() {
        // §6.3: read registers 108-110: function 03, starting address 0x006B, quantity 3.
        #expect(ModbusPDU.readRequest(.holding, address: 0x6B, count: 3) == [0x03, 0x00, 0x6B, 0x00, 0x03])
    }

    @Test func readHoldingRegistersResponseIsTheSpecificationsExample() throws {
        // §6.3: register 108 holds 0x022B (555), 109 holds 0, 110 holds 0x0064 (100).
        let pdu: [UInt8] = [0x03, 0x06, 0x02, 0x2B, 0x00, 0x00, 0x00, 0x64]
        #expect(try ModbusPDU.registers(fromResponse: pdu, to: .holding, count: 3) == [555, 0, 100])
    }

    @Test func readInputRegisterIsTheSpecificationsExample() throws {
        // §6.4: read input register 9: request 04 0008 0001, response 04 02 000A.
        #expect(ModbusPDU.readRequest(.input, address: 8, count: 1) == [0x04, 0x00, 0x08, 0x00, 0x01])
        #expect(try ModbusPDU.registers(fromResponse: [0x04, 0x02, 0x00, 0x0A], to: .input, count: 1) == [10])
    }

    @Test func anExceptionResponseCarriesItsCode() {
        // §7: the function code with its high bit set, then the exception code (02: illegal data address).
        #expect(throws: ModbusError.exception(function: 3, code: ModbusExceptionCode(2))) {
            try ModbusPDU.registers(fromResponse: [0x83, 0x02], to: .holding, count: 1)
        }
        #expect(
            ModbusError.exception(function: 3, code: ModbusExceptionCode(2)).description
                == "Modbus exception to function 3: illegal data address (2)")
    }

    @Test(
        arguments: [
            ([0x03, 0x04, 0x00, 0x01], "4 data bytes for 1 registers"),
            ([0x04, 0x02, 0x00, 0x01], "function 4 in answer to 3"),
            ([0x03], "0 data bytes for 1 registers"), ([0x83], "exception response of 1 bytes"),
        ] as [([UInt8], String)])
    func refusesAnAnswerThatDoesNotMatchTheRequest(pdu: [UInt8], reason: String) {
        #expect(throws: ModbusError.malformed(reason)) {
            try ModbusPDU.registers(fromResponse: pdu, to: .holding, count: 1)
        }
    }

    @Test func framesARequestWithItsMBAPHeader() {
        // Transaction 0x1501, protocol 0, length 6 (unit + 5 PDU bytes), unit 0xFF.
        let frame = MBAPFrame(transactionId: 0x1501, unitId: 0xFF, pdu: [0x03, 0x00, 0x04, 0x00, 0x01])
        #expect(frame.bytes == [0x15, 0x01, 0x00, 0x00, 0x00, 0x06, 0xFF, 0x03, 0x00, 0x04, 0x00, 0x01])
    }

    @Test func takesFramesOneByOneAsTheyArrive() throws {
        let first = MBAPFrame(transactionId: 1, unitId: 1, pdu: [0x03, 0x02, 0x12, 0x34])
        let second = MBAPFrame(transactionId: 2, unitId: 1, pdu: [0x83, 0x02])
        var buffer: [UInt8] = []
        var taken: [MBAPFrame] = []
        for byte in first.bytes + second.bytes {
            buffer.append(byte)
            while let frame = try MBAPFrame.take(from: &buffer) { taken.append(frame) }
        }
        #expect(taken == [first, second])
        #expect(buffer.isEmpty)
    }

    @Test func refusesAStreamThatIsNotModbusTCP() {
        var otherProtocol: [UInt8] = [0, 1, 0, 7, 0, 3, 1, 3, 0]
        #expect(throws: ModbusError.malformed("protocol id 7, expected 0")) { try MBAPFrame.take(from: &otherProtocol) }
        var tooLong: [UInt8] = [0, 1, 0, 0, 1, 0, 1]
        #expect(throws: ModbusError.malformed("MBAP length 256")) { try MBAPFrame.take(from: &tooLong) }
    }
}
