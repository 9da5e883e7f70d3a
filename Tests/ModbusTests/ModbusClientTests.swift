import Modbus
import TestSupport
import Testing
import Transport

@Suite struct ModbusClientTests {
    static func map() -> RegisterMap {
        var map = RegisterMap()
        map.put(100, [0x0001, 0x86A0, 7])
        return map
    }

    @Test func readsRegistersOverOneConnectionWithIncreasingTransactionIds() async throws {
        let server = try FakeModbusServer(map: ModbusClientTests.map())
        defer { server.shutdown() }
        let client = ModbusClient(group: server.group, host: "127.0.0.1", port: server.port, timeout: 5)
        #expect(try await client.read(.holding, unit: 1, address: 100, count: 3) == [1, 0x86A0, 7])
        #expect(try await client.read(.input, unit: 1, address: 102, count: 1) == [7])
        #expect(server.state.connections == 1)
        #expect(server.state.transactionIds == [1, 2])
    }

    @Test func anExceptionResponseIsThrownAndTheConnectionStays() async throws {
        let server = try FakeModbusServer(map: ModbusClientTests.map())
        defer { server.shutdown() }
        let client = ModbusClient(group: server.group, host: "127.0.0.1", port: server.port, timeout: 5)
        await #expect(throws: ModbusError.exception(function: 3, code: ModbusExceptionCode(2))) {
            try await client.read(.holding, unit: 1, address: 500, count: 1)
        }
        #expect(try await client.read(.holding, unit: 1, address: 102, count: 1) == [7])
        #expect(server.state.connections == 1)
    }

    @Test func aDeviceThatDoesNotAnswerTimesOutAndTheNextReadReconnects() async throws {
        let server = try FakeModbusServer(map: ModbusClientTests.map())
        defer { server.shutdown() }
        server.state.hangs = true
        let client = ModbusClient(group: server.group, host: "127.0.0.1", port: server.port, timeout: 0.2)
        await #expect(throws: ModbusError.timedOut(seconds: 0.2)) {
            try await client.read(.holding, unit: 1, address: 100, count: 1)
        }
        server.state.hangs = false
        #expect(try await client.read(.holding, unit: 1, address: 102, count: 1) == [7])
        // The late connection was dropped: its stream could be out of step.
        #expect(server.state.connections == 2)
    }

    @Test func aRefusedConnectionSaysSo() async throws {
        let server = try FakeModbusServer(map: ModbusClientTests.map())
        let port = server.port
        server.shutdown()
        let group = EventLoopGroup(loopCount: 1)
        defer { group.shutdown() }
        let client = ModbusClient(group: group, host: "127.0.0.1", port: port, timeout: 5)
        await #expect(
            throws: ModbusError.transport(.cannotConnect(host: "127.0.0.1", port: port, reason: "connection refused"))
        ) {
            try await client.read(.holding, unit: 1, address: 100, count: 1)
        }
    }
}
