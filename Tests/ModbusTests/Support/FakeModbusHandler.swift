import Modbus
import Transport

/// One connection of a `FakeModbusServer`.
final class FakeModbusHandler: ConnectionHandler {
    private let state: FakeModbusState
    private var buffer: [UInt8] = []

    init(state: FakeModbusState) {
        self.state = state
    }

    func connection(_ connection: Connection, didReceive bytes: UnsafeRawBufferPointer) {
        buffer.append(contentsOf: bytes)
        while let frame = try? MBAPFrame.take(from: &buffer) {
            guard let pdu = state.answer(frame) else { continue }
            connection.write(MBAPFrame(transactionId: frame.transactionId, unitId: frame.unitId, pdu: pdu).bytes)
        }
    }
}
