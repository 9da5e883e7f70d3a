import Modbus
import Transport

/// A Modbus TCP server for client tests on 127.0.0.1: answers reads of holding and input registers
/// from its register map, swallows requests while `hangs` is set, and counts connections and
/// transaction ids (`FakeModbusState`).
final class FakeModbusServer: Sendable {
    let group: EventLoopGroup
    let server: TCPServer
    let state: FakeModbusState

    init(map: RegisterMap) throws {
        let group = EventLoopGroup(loopCount: 1)
        let state = FakeModbusState(map: map)
        do {
            server = try TCPServer(host: "127.0.0.1", port: 0, group: group) { _ in
                state.countConnection()
                return FakeModbusHandler(state: state)
            }
        } catch {
            group.shutdown()
            throw error
        }
        self.group = group
        self.state = state
    }

    var port: Int { server.localPort }

    func shutdown() {
        server.stop()
        group.shutdown()
    }
}
