import Testing

@testable import MQTT

@Suite struct MQTTClientSessionTests {
    private let will = MQTTWill(topic: "ampwise/status", payload: Array("offline".utf8))

    private func connectedSession(keepAlive: UInt16 = 30, maximumInFlight: Int = 64) -> MQTTClientSession {
        var session = MQTTClientSession(
            connect: MQTTConnect(clientId: "ampwise", keepAliveSeconds: keepAlive, will: will),
            options: MQTTSessionOptions(maximumInFlight: maximumInFlight))
        _ = session.connectionOpened(now: .zero)
        _ = session.receive(.connack(sessionPresent: false, returnCode: .accepted), now: .zero)
        return session
    }

    private func publishes(_ packets: [MQTTPacket]) -> [MQTTPublish] {
        packets.compactMap { if case .publish(let message) = $0 { message } else { nil } }
    }

    @Test func theFirstPacketIsConnectWithTheWill() {
        var session = MQTTClientSession(connect: MQTTConnect(clientId: "ampwise", will: will))
        let packets = session.connectionOpened(now: .zero)
        #expect(packets == [.connect(MQTTConnect(clientId: "ampwise", will: will))])
        #expect(session.state == .awaitingConnAck)
    }

    @Test func aRefusedConnectionFailsWithTheBrokersReason() {
        var session = MQTTClientSession(connect: MQTTConnect(clientId: "ampwise"))
        _ = session.connectionOpened(now: .zero)
        let step = session.receive(.connack(sessionPresent: false, returnCode: .badUserNameOrPassword), now: .zero)
        #expect(step.failure == .refused(.badUserNameOrPassword))
    }

    @Test func anythingButConnackFirstIsAViolation() {
        var session = MQTTClientSession(connect: MQTTConnect(clientId: "ampwise"))
        _ = session.connectionOpened(now: .zero)
        #expect(session.receive(.pingresp, now: .zero).failure != nil)
    }

    @Test func noConnackWithinTheTimeoutFails() {
        var session = MQTTClientSession(
            connect: MQTTConnect(clientId: "ampwise"), options: MQTTSessionOptions(connackTimeout: .seconds(5)))
        _ = session.connectionOpened(now: .seconds(100))
        #expect(session.tick(now: .seconds(104)).failure == nil)
        #expect(session.tick(now: .seconds(105)).failure == .connackTimeout)
    }

    @Test func qos1MessagesPublishedWhileAwayAreSentAfterConnackLatestPerTopic() throws {
        var session = MQTTClientSession(connect: MQTTConnect(clientId: "ampwise"))
        #expect(
            try session.publish(topic: "a/power", payload: [1], qos: .atLeastOnce, retain: true, now: .zero).isEmpty)
        #expect(
            try session.publish(topic: "a/status", payload: [2], qos: .atLeastOnce, retain: true, now: .zero).isEmpty)
        #expect(
            try session.publish(topic: "a/power", payload: [3], qos: .atLeastOnce, retain: true, now: .zero).isEmpty)
        _ = session.connectionOpened(now: .zero)
        let step = session.receive(.connack(sessionPresent: false, returnCode: .accepted), now: .zero)
        #expect(step.events == [.connected(sessionPresent: false)])
        #expect(publishes(step.send).map(\.topic) == ["a/power", "a/status"])
        #expect(publishes(step.send).map(\.payload) == [[3], [2]])
    }

    /// A state topic that changed 1,000 times while the broker was away: nothing of it is sent
    /// from the queue after the reconnection (the owner publishes the current state on
    /// `.connected`, so the broker gets one message, the latest).
    @Test func stateWhileTheBrokerIsAwayIsNotSentStaleAfterTheReconnection() throws {
        var session = connectedSession()
        _ = try session.publish(topic: "config/1", payload: [1], qos: .atLeastOnce, retain: true, now: .zero)
        session.connectionClosed()
        for value in 1...1_000 {
            _ = try session.publish(topic: "a/power", payload: Array(String(value).utf8), retain: true, now: .zero)
        }
        #expect(session.queue.isEmpty)
        _ = session.connectionOpened(now: .seconds(1))
        let step = session.receive(.connack(sessionPresent: false, returnCode: .accepted), now: .seconds(1))
        #expect(publishes(step.send).map(\.topic) == ["config/1"], "only the unacknowledged config, again")
        #expect(
            publishes(try session.publish(topic: "a/power", payload: [9], retain: true, now: .seconds(1))).count == 1)
    }

    @Test func aFullInFlightWindowDoesNotHoldBackStateMessages() throws {
        var session = connectedSession(maximumInFlight: 1)
        #expect(publishes(try session.publish(topic: "c/1", payload: [1], qos: .atLeastOnce, now: .zero)).count == 1)
        #expect(try session.publish(topic: "c/2", payload: [2], qos: .atLeastOnce, now: .zero).isEmpty)
        #expect(publishes(try session.publish(topic: "a/power", payload: [3], now: .zero)).map(\.topic) == ["a/power"])
    }

    @Test func subscriptionsAreRenewedOnEveryConnection() throws {
        var session = connectedSession()
        let filter = try MQTTTopicFilter("ampwise/chargers/+/+/limit/set")
        let sent = session.subscribe([filter], now: .zero)
        guard case .subscribe(let id, let subscriptions) = sent.first else {
            Issue.record("no SUBSCRIBE: \(sent)")
            return
        }
        #expect(subscriptions == [MQTTSubscription(filter: filter.text, qos: .atLeastOnce)])
        let answer = session.receive(.suback(packetId: id, returnCodes: [.granted(.atLeastOnce)]), now: .zero)
        #expect(answer.events == [.subscribed(subscriptions, [.granted(.atLeastOnce)])])
        session.connectionClosed()
        _ = session.connectionOpened(now: .seconds(1))
        let again = session.receive(.connack(sessionPresent: false, returnCode: .accepted), now: .seconds(1))
        #expect(again.send.contains { if case .subscribe(_, subscriptions) = $0 { true } else { false } })
    }

    @Test func anUnsubscribedFilterIsNotRenewedAtTheNextConnection() throws {
        var session = connectedSession()
        let commands = try MQTTTopicFilter("ampwise/chargers/+/+/limit/set")
        let configs = try MQTTTopicFilter("homeassistant/+/+/+/config")
        _ = session.subscribe([commands, configs], now: .zero)
        let sent = session.unsubscribe([configs], now: .zero)
        guard case .unsubscribe(_, let filters) = sent.first else {
            Issue.record("no UNSUBSCRIBE: \(sent)")
            return
        }
        #expect(filters == [configs.text])
        session.connectionClosed()
        _ = session.connectionOpened(now: .seconds(1))
        let again = session.receive(.connack(sessionPresent: false, returnCode: .accepted), now: .seconds(1))
        let renewed = again.send.flatMap { packet -> [String] in
            if case .subscribe(_, let subscriptions) = packet { subscriptions.map(\.filter) } else { [] }
        }
        #expect(renewed == [commands.text])
    }

    @Test func unacknowledgedQoS1MessagesAreSentAgainWithDupAfterReconnect() throws {
        var session = connectedSession()
        let first = publishes(try session.publish(topic: "t/1", payload: [1], qos: .atLeastOnce, now: .zero))
        let second = publishes(try session.publish(topic: "t/2", payload: [2], qos: .atLeastOnce, now: .zero))
        #expect(first.count == 1 && second.count == 1)
        #expect(first[0].dup == false && first[0].packetId != nil && first[0].packetId != second[0].packetId)
        _ = session.receive(.puback(packetId: try #require(first[0].packetId)), now: .zero)
        session.connectionClosed()
        _ = session.connectionOpened(now: .seconds(1))
        let step = session.receive(.connack(sessionPresent: false, returnCode: .accepted), now: .seconds(1))
        let resent = publishes(step.send)
        #expect(resent.count == 1)
        #expect(resent.first?.topic == "t/2")
        #expect(resent.first?.dup == true)
        #expect(resent.first?.packetId == second[0].packetId)
    }

    @Test func theInFlightWindowHoldsBackFurtherMessagesUntilAcknowledged() throws {
        var session = connectedSession(maximumInFlight: 1)
        let first = publishes(try session.publish(topic: "t/1", payload: [1], qos: .atLeastOnce, now: .zero))
        #expect(try session.publish(topic: "t/2", payload: [2], qos: .atLeastOnce, now: .zero).isEmpty)
        let step = session.receive(.puback(packetId: try #require(first.first?.packetId)), now: .zero)
        #expect(publishes(step.send).map(\.topic) == ["t/2"])
    }

    @Test func anIncomingQoS1MessageIsAcknowledgedAndDelivered() {
        var session = connectedSession()
        let message = MQTTPublish(topic: "p1/power", payload: Array("12".utf8), qos: .atLeastOnce, packetId: 9)
        let step = session.receive(.publish(message), now: .zero)
        #expect(step.send == [.puback(packetId: 9)])
        #expect(step.events == [.message(message)])
    }

    @Test func keepAliveSendsAPingWhenIdleAndFailsWithoutAnAnswer() throws {
        var session = connectedSession(keepAlive: 10)
        #expect(session.tick(now: .seconds(9)).send.isEmpty)
        _ = try session.publish(topic: "t", payload: [], now: .seconds(9))
        #expect(session.tick(now: .seconds(18)).send.isEmpty, "a publish counts as activity")
        #expect(session.tick(now: .seconds(19)).send == [.pingreq])
        _ = session.receive(.pingresp, now: .seconds(20))
        #expect(session.tick(now: .seconds(28)).send.isEmpty)
        #expect(session.tick(now: .seconds(29)).send == [.pingreq])
        #expect(session.tick(now: .seconds(38)).failure == nil)
        #expect(session.tick(now: .seconds(39)).failure == .keepAliveTimeout)
    }

    @Test func packetIdsSkipZeroAndThoseInUse() throws {
        var session = connectedSession(maximumInFlight: 70_000)
        var seen = Set<UInt16>()
        for index in 0..<65_535 {
            let sent = publishes(try session.publish(topic: "t/\(index)", payload: [], qos: .atLeastOnce, now: .zero))
            let id = try #require(sent.first?.packetId)
            #expect(id != 0)
            seen.insert(id)
        }
        #expect(seen.count == 65_535)
    }

    @Test func disconnectIsSentOnlyWhenConnected() {
        var session = connectedSession()
        #expect(session.disconnect() == [.disconnect])
        #expect(session.disconnect() == [])
    }

    @Test func aBrokerThatSpeaksQoS2IsAViolation() {
        var session = connectedSession()
        #expect(session.receive(.pubrec(packetId: 1), now: .zero).failure != nil)
    }
}
