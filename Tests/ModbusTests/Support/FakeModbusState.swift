import Modbus
import Synchronization

/// What a `FakeModbusServer` serves and has seen, shared with its connections' handlers.
final class FakeModbusState: Sendable {
    private let state: Mutex<(map: RegisterMap, hangs: Bool, connections: Int, transactionIds: [UInt16])>

    init(map: RegisterMap) {
        state = Mutex((map, false, 0, []))
    }

    var hangs: Bool {
        get { state.withLock { $0.hangs } }
        set { state.withLock { $0.hangs = newValue } }
    }
    var connections: Int { state.withLock { $0.connections } }
    var transactionIds: [UInt16] { state.withLock { $0.transactionIds } }

    func countConnection() { state.withLock { $0.connections += 1 } }

    /// The answer PDU to a request PDU, or nil to hang.
    func answer(_ frame: MBAPFrame) -> [UInt8]? {
        state.withLock { state in
            state.transactionIds.append(frame.transactionId)
            guard !state.hangs else { return nil }
            let pdu = frame.pdu
            guard pdu.count == 5, pdu[0] == 3 || pdu[0] == 4 else { return [pdu.first.map { $0 | 0x80 } ?? 0x80, 1] }
            let address = UInt16(pdu[1]) << 8 | UInt16(pdu[2])
            let count = Int(UInt16(pdu[3]) << 8 | UInt16(pdu[4]))
            do {
                let registers = try state.map.read(address, count)
                return [pdu[0], UInt8(count * 2)] + registers.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
            } catch {
                return [pdu[0] | 0x80, 2]
            }
        }
    }
}
