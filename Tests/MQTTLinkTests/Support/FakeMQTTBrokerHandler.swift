import MQTT
import Transport

/// One connection of a `FakeMQTTBroker`: decodes what the client sends with the codec under
/// test's decoder, answers as a broker does (CONNACK, SUBACK, PUBACK, PINGRESP, as the log's
/// switches say), and records each packet once its answer is written, so a test that has seen a
/// packet knows its answer went out before.
final class FakeMQTTBrokerHandler: ConnectionHandler {
    private let log: FakeMQTTBrokerLog
    private weak var connection: Connection?
    private var decoder = MQTTPacketDecoder()
    private var number = 0

    init(log: FakeMQTTBrokerLog, connection: Connection) {
        self.log = log
        self.connection = connection
    }

    func connectionDidOpen(_ connection: Connection) {
        number = log.opened(LoopBound(self, loop: connection.loop))
    }

    func connection(_ connection: Connection, didReceive bytes: UnsafeRawBufferPointer) {
        decoder.append(bytes)
        while true {
            guard let packet = try? decoder.next() else { return }
            for answer in answers(to: packet) { connection.write(answer.encoded()) }
            log.record(packet, connection: number)
            if packet == .disconnect { connection.close() }
        }
    }

    private func answers(to packet: MQTTPacket) -> [MQTTPacket] {
        switch packet {
        case .connect:
            return [.connack(sessionPresent: false, returnCode: .accepted)]
        case .subscribe(let id, let subscriptions):
            return [.suback(packetId: id, returnCodes: subscriptions.map { .granted($0.qos) })]
        case .publish(let message):
            guard message.qos == .atLeastOnce, let id = message.packetId, log.acknowledgesPublishes else { return [] }
            return [.puback(packetId: id)]
        case .pingreq:
            return log.answersPings ? [.pingresp] : []
        default:
            return []
        }
    }

    /// Sends a packet to the client (on the connection's loop).
    func send(_ packet: MQTTPacket) {
        connection?.write(packet.encoded())
    }

    /// Drops the connection without a word, as a broker that restarts does.
    func drop() {
        connection?.abort()
    }
}
