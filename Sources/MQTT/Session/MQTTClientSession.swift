/// The client side of MQTT 3.1.1 as a state machine, with no I/O and no clock: the owner opens a
/// connection, feeds it the packets that arrive and the time (any monotonic origin, as a
/// `Duration`), writes what it returns, and closes the connection when a step carries a failure.
///
/// What it keeps across connections: the subscriptions (renewed after every CONNACK, so a broker
/// that lost its state gets them back), QoS 1 messages sent and not acknowledged (sent again
/// with DUP set once the broker is back, §4.4), and the QoS 1 messages of the outgoing queue
/// (one per topic). QoS 0 messages are not kept while the broker is away: the owner publishes
/// its whole state again on `.connected`, so what goes out first after a reconnection is the
/// current state, not what waited in the queue (docs/mqtt.md, "Memory and the broker").
///
/// Keep-alive (§3.1.2.10): the client must send something within every keep-alive period, a
/// PINGREQ when it has nothing else; a PINGRESP that does not come within another period means
/// the connection is dead.
public struct MQTTClientSession: Sendable {
    public enum State: Sendable, Hashable {
        case disconnected
        case awaitingConnAck
        case connected
    }

    public var connect: MQTTConnect
    public let options: MQTTSessionOptions
    public private(set) var state = State.disconnected
    public private(set) var queue: MQTTOutgoingQueue

    /// The subscriptions wanted, in the order they were first asked for.
    public private(set) var subscriptions: [MQTTSubscription] = []
    /// QoS 1 messages sent and not acknowledged, by packet id, in sending order.
    private var inFlight: [UInt16: MQTTPublish] = [:]
    private var inFlightOrder: [UInt16] = []
    /// SUBSCRIBE and UNSUBSCRIBE packets sent and not acknowledged.
    private var pendingSubscribes: [UInt16: [MQTTSubscription]] = [:]
    private var pendingUnsubscribes: Set<UInt16> = []
    private var lastPacketId: UInt16 = 0
    private var lastSentAt = Duration.zero
    private var connectSentAt = Duration.zero
    private var pingSentAt: Duration?
    /// Set by the owner while the connection's write queue is full (the broker does not read):
    /// published messages then wait in the bounded queue, where the latest per topic wins, instead
    /// of piling up in the socket's buffer.
    public private(set) var isOutputPaused = false

    public init(connect: MQTTConnect, options: MQTTSessionOptions = MQTTSessionOptions()) {
        self.connect = connect
        self.options = options
        self.queue = MQTTOutgoingQueue(
            maximumMessages: options.maximumQueuedMessages, maximumBytes: options.maximumQueuedBytes)
    }

    /// QoS 1 messages sent and not yet acknowledged.
    public var inFlightCount: Int { inFlight.count }

    // MARK: Connection

    /// A network connection to the broker is open: the first packet is CONNECT.
    public mutating func connectionOpened(now: Duration) -> [MQTTPacket] {
        state = .awaitingConnAck
        pendingSubscribes = [:]
        pendingUnsubscribes = []
        pingSentAt = nil
        connectSentAt = now
        lastSentAt = now
        return [.connect(connect)]
    }

    /// The connection is gone (closed by either side or failed). Subscriptions, messages in
    /// flight and the queue's QoS 1 messages are kept for the next connection.
    public mutating func connectionClosed() {
        state = .disconnected
        queue.removeQoS0Messages()
        // The next connection's socket starts empty.
        isOutputPaused = false
        pendingSubscribes = [:]
        pendingUnsubscribes = []
        pingSentAt = nil
    }

    /// A graceful end: DISCONNECT, after which the broker discards the last will (§3.14.4).
    public mutating func disconnect() -> [MQTTPacket] {
        guard state == .connected else { return [] }
        state = .disconnected
        return [.disconnect]
    }

    /// Holds published messages in the queue (see `isOutputPaused`).
    public mutating func pauseOutput() {
        isOutputPaused = true
    }

    /// Lets waiting messages go again; returns what can be sent now.
    public mutating func resumeOutput(now: Duration) -> [MQTTPacket] {
        isOutputPaused = false
        return sendQueued(now: now)
    }

    // MARK: Owner's requests

    /// Publishes a message: sent at once when connected (and, for QoS 1, the in-flight window
    /// has room), else queued. A QoS 0 message while not connected is not kept (see above).
    public mutating func publish(
        topic: String, payload: [UInt8], qos: MQTTQoS = .atMostOnce, retain: Bool = false, now: Duration
    ) throws(MQTTTopicError) -> [MQTTPacket] {
        try MQTTTopicFilter.checkName(topic)
        guard state == .connected || qos == .atLeastOnce else { return [] }
        queue.enqueue(MQTTPublish(topic: topic, payload: payload, qos: qos, retain: retain))
        return sendQueued(now: now)
    }

    /// Topics whose QoS 0 message the queue dropped to stay within its bounds since the last
    /// call: the owner publishes them again from its current state.
    public mutating func takeDroppedTopics() -> [String] {
        queue.takeDroppedTopics()
    }

    /// Adds subscriptions (a filter already wanted gets the new QoS) and, when connected, sends
    /// the SUBSCRIBE.
    public mutating func subscribe(_ filters: [MQTTTopicFilter], qos: MQTTQoS = .atLeastOnce, now: Duration)
        -> [MQTTPacket]
    {
        let added = filters.map { MQTTSubscription(filter: $0.text, qos: qos) }
        for subscription in added {
            if let index = subscriptions.firstIndex(where: { $0.filter == subscription.filter }) {
                subscriptions[index] = subscription
            } else {
                subscriptions.append(subscription)
            }
        }
        guard state == .connected, !added.isEmpty else { return [] }
        return subscribePackets(added, now: now)
    }

    /// Removes subscriptions and, when connected, sends the UNSUBSCRIBE.
    public mutating func unsubscribe(_ filters: [MQTTTopicFilter], now: Duration) -> [MQTTPacket] {
        let texts = Set(filters.map(\.text))
        let removed = subscriptions.filter { texts.contains($0.filter) }.map(\.filter)
        subscriptions.removeAll { texts.contains($0.filter) }
        guard state == .connected, !removed.isEmpty else { return [] }
        let id = allocatePacketId()
        pendingUnsubscribes.insert(id)
        lastSentAt = now
        return [.unsubscribe(packetId: id, filters: removed)]
    }

    /// Keep-alive and CONNACK timing; call it about once a second.
    public mutating func tick(now: Duration) -> MQTTSessionStep {
        switch state {
        case .disconnected:
            return MQTTSessionStep()
        case .awaitingConnAck:
            if now - connectSentAt >= options.connackTimeout { return MQTTSessionStep(failure: .connackTimeout) }
            return MQTTSessionStep()
        case .connected:
            guard connect.keepAliveSeconds > 0 else { return MQTTSessionStep() }
            let period = Duration.seconds(Int(connect.keepAliveSeconds))
            if let pingSentAt {
                if now - pingSentAt >= period { return MQTTSessionStep(failure: .keepAliveTimeout) }
                return MQTTSessionStep()
            }
            guard now - lastSentAt >= period else { return MQTTSessionStep() }
            pingSentAt = now
            lastSentAt = now
            return MQTTSessionStep(send: [.pingreq])
        }
    }

    // MARK: Packets from the broker

    public mutating func receive(_ packet: MQTTPacket, now: Duration) -> MQTTSessionStep {
        if state == .awaitingConnAck {
            guard case .connack(let sessionPresent, let returnCode) = packet else {
                return MQTTSessionStep(failure: .protocolViolation("\(packet.type) before CONNACK"))
            }
            guard returnCode == .accepted else { return MQTTSessionStep(failure: .refused(returnCode)) }
            return connectionAccepted(sessionPresent: sessionPresent, now: now)
        }
        guard state == .connected else { return MQTTSessionStep() }
        switch packet {
        case .publish(let message):
            var step = MQTTSessionStep(events: [.message(message)])
            if message.qos == .atLeastOnce, let id = message.packetId {
                step.send = [.puback(packetId: id)]
                lastSentAt = now
            }
            return step
        case .puback(let id):
            if inFlight.removeValue(forKey: id) != nil { inFlightOrder.removeAll { $0 == id } }
            return MQTTSessionStep(send: sendQueued(now: now))
        case .suback(let id, let codes):
            guard let requested = pendingSubscribes.removeValue(forKey: id) else { return MQTTSessionStep() }
            return MQTTSessionStep(events: [.subscribed(requested, codes)])
        case .unsuback(let id):
            pendingUnsubscribes.remove(id)
            return MQTTSessionStep()
        case .pingresp:
            pingSentAt = nil
            return MQTTSessionStep()
        case .connack:
            return MQTTSessionStep(failure: .protocolViolation("a second CONNACK"))
        case .pubrec, .pubrel, .pubcomp:
            return MQTTSessionStep(failure: .protocolViolation("\(packet.type): QoS 2 was never asked for"))
        case .connect, .subscribe, .unsubscribe, .pingreq, .disconnect:
            return MQTTSessionStep(failure: .protocolViolation("\(packet.type) is sent by clients, not brokers"))
        }
    }

    // MARK: Internals

    private mutating func connectionAccepted(sessionPresent: Bool, now: Duration) -> MQTTSessionStep {
        state = .connected
        var step = MQTTSessionStep(events: [.connected(sessionPresent: sessionPresent)])
        // Subscriptions first, so that answers to what is published next are not missed; in
        // packets of at most 100 filters.
        var start = 0
        while start < subscriptions.count {
            let end = min(start + 100, subscriptions.count)
            step.send += subscribePackets(Array(subscriptions[start..<end]), now: now)
            start = end
        }
        // §4.4: unacknowledged QoS 1 messages are sent again, with DUP, in their original order.
        for id in inFlightOrder {
            guard var message = inFlight[id] else { continue }
            message.dup = true
            inFlight[id] = message
            step.send.append(.publish(message))
        }
        step.send += sendQueued(now: now)
        if !step.send.isEmpty { lastSentAt = now }
        return step
    }

    private mutating func subscribePackets(_ subscriptions: [MQTTSubscription], now: Duration) -> [MQTTPacket] {
        let id = allocatePacketId()
        pendingSubscribes[id] = subscriptions
        lastSentAt = now
        return [.subscribe(packetId: id, subscriptions: subscriptions)]
    }

    /// The next burst of waiting messages that can go now (at most
    /// `options.maximumBytesPerBurst`, as far as the in-flight window allows; empty when nothing
    /// can): the owner writes it and asks again while its socket takes more.
    public mutating func sendWaiting(now: Duration) -> [MQTTPacket] {
        sendQueued(now: now)
    }

    /// Sends what the queue holds as far as the in-flight window and one burst allow.
    private mutating func sendQueued(now: Duration) -> [MQTTPacket] {
        guard state == .connected, !isOutputPaused else { return [] }
        var packets: [MQTTPacket] = []
        var bytes = 0
        // Oldest first; a QoS 1 message needs room in the window, a QoS 0 one does not, so state
        // keeps flowing while discovery configs wait for their PUBACKs (each topic is in the
        // queue once, so no topic's messages overtake each other).
        while var message = queue.dequeue(includingQoS1: inFlight.count < options.maximumInFlight) {
            if message.qos == .atLeastOnce {
                let id = allocatePacketId()
                message.packetId = id
                inFlight[id] = message
                inFlightOrder.append(id)
            }
            packets.append(.publish(message))
            bytes += message.topic.utf8.count + message.payload.count
            if bytes >= options.maximumBytesPerBurst { break }
        }
        if !packets.isEmpty { lastSentAt = now }
        return packets
    }

    /// The next packet id not in use (§2.3.1: non-zero, unique among unacknowledged packets).
    private mutating func allocatePacketId() -> UInt16 {
        repeat {
            lastPacketId = lastPacketId == UInt16.max ? 1 : lastPacketId + 1
        } while inFlight[lastPacketId] != nil || pendingSubscribes[lastPacketId] != nil
            || pendingUnsubscribes.contains(lastPacketId)
        return lastPacketId
    }
}
