import MQTT
import Transport

/// An MQTT 3.1.1 broker for the client's tests on 127.0.0.1, as far as one client needs: accepts
/// CONNECT, grants every subscription, acknowledges QoS 1 messages and answers pings (each of the
/// last two can be switched off in `log`), records every packet, and lets the test send a packet
/// or drop the connection.
final class FakeMQTTBroker: Sendable {
    let group: EventLoopGroup
    let server: TCPServer
    let log: FakeMQTTBrokerLog

    init() throws {
        let group = EventLoopGroup(loopCount: 1)
        let log = FakeMQTTBrokerLog()
        do {
            server = try TCPServer(host: "127.0.0.1", port: 0, group: group) { connection in
                FakeMQTTBrokerHandler(log: log, connection: connection)
            }
        } catch {
            group.shutdown()
            throw error
        }
        self.group = group
        self.log = log
    }

    var port: Int { server.localPort }

    /// Sends `packet` to the client on the newest connection.
    func send(_ packet: MQTTPacket) {
        guard let handler = log.newest else { return }
        handler.loop.execute { handler.value.send(packet) }
    }

    /// Drops the newest connection.
    func dropConnection() {
        guard let handler = log.newest else { return }
        handler.loop.execute { handler.value.drop() }
    }

    func shutdown() {
        server.stop()
        group.shutdown()
    }
}
