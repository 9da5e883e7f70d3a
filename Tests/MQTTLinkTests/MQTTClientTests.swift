import MQTT
import MQTTLink
import Testing
import Transport

/// The MQTT client on real sockets against a broker written in the test (`FakeMQTTBroker`): what
/// goes over the wire, byte for byte through the codec, and how the client behaves when the
/// broker acknowledges, answers, or goes away (docs/mqtt.md).
@Suite(.timeLimit(.minutes(1))) struct MQTTClientTests {
    private static let will = MQTTWill(
        topic: "ampwise/status", payload: Array("offline".utf8), qos: .atLeastOnce, retain: true)
    private static let connect = MQTTConnect(
        clientId: "ampwise-test", cleanSession: true, keepAliveSeconds: 30, will: will, username: "ampwise",
        password: Array("secret".utf8))

    private func makeClient(
        of broker: FakeMQTTBroker, keepAlive: UInt16 = 30, session: MQTTSessionOptions = MQTTSessionOptions()
    ) -> MQTTClient {
        var connect = Self.connect
        connect.keepAliveSeconds = keepAlive
        return MQTTClient(
            group: broker.group,
            options: MQTTClientOptions(
                broker: MQTTBrokerAddress(host: "127.0.0.1", port: broker.port, usesTLS: false), connect: connect,
                session: session, backoff: ReconnectBackoff(initial: 0.05, maximum: 0.2)))
    }

    private static func isConnect(_ received: ReceivedMQTTPacket) -> Bool {
        if case .connect = received.packet { true } else { false }
    }

    private static func publish(_ received: ReceivedMQTTPacket) -> MQTTPublish? {
        if case .publish(let message) = received.packet { message } else { nil }
    }

    /// Waits for the client's next event that `pick` accepts.
    private func next<Value>(
        _ events: AsyncStream<MQTTClientEvent>, _ pick: (MQTTClientEvent) -> Value?
    ) async -> Value? {
        for await event in events {
            if let value = pick(event) { return value }
        }
        return nil
    }

    private func connected(_ events: AsyncStream<MQTTClientEvent>) async -> Bool {
        await next(events) { event -> Bool? in
            if case .connected = event { return true }
            return nil
        } ?? false
    }

    @Test func connectCarriesTheCredentialsAndTheWillAndSubscriptionsFollow() async throws {
        let broker = try FakeMQTTBroker()
        defer { broker.shutdown() }
        let client = makeClient(of: broker)
        let events = client.events()
        client.subscribe([try MQTTTopicFilter("ampwise/chargers/+/+/limit/set"), try MQTTTopicFilter("p1/#")])
        client.start()

        let connect = try await broker.log.packet("CONNECT", where: Self.isConnect)
        #expect(connect.packet == .connect(Self.connect))
        let subscribe = try await broker.log.packet(after: connect.index, "SUBSCRIBE") {
            if case .subscribe = $0.packet { true } else { false }
        }
        guard case .subscribe(let id, let subscriptions) = subscribe.packet else { return }
        #expect(id != 0)
        #expect(
            subscriptions == [
                MQTTSubscription(filter: "ampwise/chargers/+/+/limit/set", qos: .atLeastOnce),
                MQTTSubscription(filter: "p1/#", qos: .atLeastOnce),
            ])
        #expect(await connected(events))

        // A clean end: DISCONNECT, so that the broker discards the will.
        await client.stop()
        let end = try await broker.log.packet(after: subscribe.index, "DISCONNECT") { $0.packet == .disconnect }
        #expect(end.connection == 1)
    }

    @Test func qos1MessagesAreAcknowledgedInBothDirections() async throws {
        let broker = try FakeMQTTBroker()
        defer { broker.shutdown() }
        let client = makeClient(of: broker)
        let events = client.events()
        client.start()
        #expect(await connected(events))

        client.publish(topic: "ampwise/status", payload: Array("online".utf8), qos: .atLeastOnce, retain: true)
        let sent = try await broker.log.packet("PUBLISH ampwise/status") { Self.publish($0)?.topic == "ampwise/status" }
        let message = try #require(Self.publish(sent))
        #expect(message.qos == .atLeastOnce && message.retain && !message.dup)
        #expect(message.payload == Array("online".utf8))
        let id = try #require(message.packetId)
        #expect(id != 0)

        // The broker's PUBACK went out before this message of its own (same connection, in order).
        broker.send(
            .publish(MQTTPublish(topic: "p1/power", payload: Array("1234".utf8), qos: .atLeastOnce, packetId: 7)))
        let delivered = await next(events) { event -> MQTTPublish? in
            if case .message(let message) = event { return message }
            return nil
        }
        #expect(delivered?.topic == "p1/power" && delivered?.payload == Array("1234".utf8))
        let puback = try await broker.log.packet(after: sent.index, "PUBACK 7") { $0.packet == .puback(packetId: 7) }
        #expect(puback.connection == 1)
        #expect(await client.queueFigures().inFlight == 0, "the broker's PUBACK released the message")
        await client.stop()
    }

    @Test func anUnacknowledgedMessageIsSentAgainWithDupAfterAReconnect() async throws {
        let broker = try FakeMQTTBroker()
        defer { broker.shutdown() }
        broker.log.acknowledgesPublishes = false
        let client = makeClient(of: broker)
        let events = client.events()
        client.start()
        #expect(await connected(events))

        let topic = "ampwise/chargers/garage/connected"
        client.publish(topic: topic, payload: Array("true".utf8), qos: .atLeastOnce, retain: true)
        let first = try await broker.log.packet("PUBLISH \(topic)") { Self.publish($0)?.topic == topic }
        let original = try #require(Self.publish(first))
        #expect(!original.dup)
        #expect(await client.queueFigures().inFlight == 1)

        // The broker goes away without acknowledging; it acknowledges on the next connection.
        broker.log.acknowledgesPublishes = true
        broker.dropConnection()
        let reconnect = try await broker.log.packet(after: first.index, "a second CONNECT", where: Self.isConnect)
        #expect(reconnect.connection == 2)
        let again = try await broker.log.packet(after: reconnect.index, "the PUBLISH again") {
            Self.publish($0)?.topic == topic
        }
        let resent = try #require(Self.publish(again))
        #expect(again.connection == 2)
        #expect(resent.dup)
        #expect(resent.packetId == original.packetId)
        #expect(resent.payload == original.payload && resent.retain && resent.qos == .atLeastOnce)

        // The PUBACK to the copy releases it: a message from the broker comes after that PUBACK.
        broker.send(.publish(MQTTPublish(topic: "p1/power", payload: Array("1".utf8))))
        _ = await next(events) { event -> Bool? in
            if case .message = event { return true }
            return nil
        }
        #expect(await client.queueFigures().inFlight == 0)
        await client.stop()
    }

    /// Home Assistant's discovery configs of a whole car park at start-up, more than the queue
    /// holds, to a broker that takes them one acknowledgement at a time: every one arrives, none
    /// is dropped (a dropped config would never be sent again, and its entities never appear).
    @Test func moreDiscoveryConfigsThanTheQueueHoldsAllArriveAtABrokerSlowToAcknowledge() async throws {
        let broker = try FakeMQTTBroker()
        defer { broker.shutdown() }
        let client = makeClient(
            of: broker, session: MQTTSessionOptions(maximumInFlight: 1, maximumQueuedMessages: 10))
        let events = client.events()
        client.start()
        #expect(await connected(events))

        let topics = (0..<100).map { "homeassistant/sensor/ampwise_cp\($0)_1/power/config" }
        for topic in topics { client.publish(topic: topic, payload: Array("{}".utf8), qos: .atLeastOnce, retain: true) }
        let last = topics[99]
        _ = try await broker.log.packet("PUBLISH \(last)") { Self.publish($0)?.topic == last }
        let received = broker.log.received.compactMap(Self.publish).map(\.topic)
        #expect(received == topics)
        let figures = await client.queueFigures()
        #expect(figures.dropped == 0 && figures.waiting == 0)
        await client.stop()
    }

    @Test func aQuietClientPingsAndLeavesABrokerThatStopsAnswering() async throws {
        let broker = try FakeMQTTBroker()
        defer { broker.shutdown() }
        let client = makeClient(of: broker, keepAlive: 1)
        let events = client.events()
        client.start()
        #expect(await connected(events))

        // Nothing to send for a keep-alive period: a PINGREQ, answered.
        let ping = try await broker.log.packet("PINGREQ") { $0.packet == .pingreq }
        #expect(ping.connection == 1)
        broker.log.answersPings = false
        let unanswered = try await broker.log.packet(after: ping.index + 1, "a second PINGREQ") {
            $0.packet == .pingreq
        }
        #expect(unanswered.connection == 1)

        // No PINGRESP within another period: the connection is taken as dead and made again.
        let reason = await next(events) { event -> String? in
            if case .disconnected(let reason, _) = event { return reason }
            return nil
        }
        #expect(reason == "the broker did not answer a PINGREQ within the keep-alive")
        let reconnect = try await broker.log.packet(after: unanswered.index, "a second CONNECT", where: Self.isConnect)
        #expect(reconnect.connection == 2)
        await client.stop()
    }
}
