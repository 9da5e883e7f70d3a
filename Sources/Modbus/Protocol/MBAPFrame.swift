/// One Modbus TCP application data unit: the MBAP header (transaction id, protocol id 0, length,
/// unit id) and the PDU (Modbus Messaging on TCP/IP Implementation Guide v1.0b, §3.1.3).
public struct MBAPFrame: Sendable, Equatable {
    public var transactionId: UInt16
    public var unitId: UInt8
    /// Function code and data.
    public var pdu: [UInt8]

    /// The largest PDU (Modbus Application Protocol v1.1b3, §4.1: 253 bytes).
    public static let maximumPDUBytes = 253
    static let headerBytes = 7

    public init(transactionId: UInt16, unitId: UInt8, pdu: [UInt8]) {
        self.transactionId = transactionId
        self.unitId = unitId
        self.pdu = pdu
    }

    /// The frame as it goes on the wire.
    public var bytes: [UInt8] {
        let length = UInt16(pdu.count + 1)
        return [
            UInt8(transactionId >> 8), UInt8(transactionId & 0xFF), 0, 0, UInt8(length >> 8), UInt8(length & 0xFF),
            unitId,
        ] + pdu
    }

    /// Takes the first complete frame from the front of `buffer`; nil while more bytes are needed.
    /// Throws when the bytes cannot be Modbus TCP (another protocol id, a length out of range):
    /// the stream has lost its framing and the connection must be dropped.
    public static func take(from buffer: inout [UInt8]) throws(ModbusError) -> MBAPFrame? {
        guard buffer.count >= headerBytes else { return nil }
        let protocolId = UInt16(buffer[2]) << 8 | UInt16(buffer[3])
        guard protocolId == 0 else { throw .malformed("protocol id \(protocolId), expected 0") }
        let length = Int(UInt16(buffer[4]) << 8 | UInt16(buffer[5]))
        guard length >= 2, length <= maximumPDUBytes + 1 else { throw .malformed("MBAP length \(length)") }
        let total = 6 + length
        guard buffer.count >= total else { return nil }
        let frame = MBAPFrame(
            transactionId: UInt16(buffer[0]) << 8 | UInt16(buffer[1]), unitId: buffer[6],
            pdu: Array(buffer[headerBytes..<total]))
        buffer.removeFirst(total)
        return frame
    }
}
