import Logging
import MQTT
import Synchronization
import Transport

/// An MQTT 3.1.1 client on the event loops: one connection to the broker at a time, opened with
/// `EventLoopGroup.connect` (plain or TLS), never blocking its loop. The protocol lives in
/// `MQTTClientSession`; this class feeds it the bytes, the time and the connection's life, writes
/// what it returns, and reconnects with backoff whenever the connection is lost or refused, until
/// `stop()`.
///
/// What it keeps for the broker, and its bounds (docs/mqtt.md, "Memory and the broker"): the
/// session's outgoing queue (one message per topic; QoS 0 ones dropped at the
/// `MQTTSessionOptions` bounds and reported as `.dropped`, QoS 1 ones never) and the QoS 1
/// messages in flight. A broker that stops reading fills the socket's queue to
/// `writeHighWatermark`; from there published messages wait in the session's bounded queue, and
/// at `writeQueueLimit` the connection is dropped and made again. The queue's figures are in
/// `figures` (`/metrics`); one line is logged when dropping starts and one when it ends.
///
/// Thread-safe: every method may be called from any thread and hops onto `loop`, where all state
/// lives. Events go, in order, to every stream `events()` made: the MQTT bridge and the MQTT
/// sources share one client (one connection, one session).
public final class MQTTClient: @unchecked Sendable {
    // @unchecked Sendable: every stored var below is touched only on `loop` (each public method
    // hops there first); the lets are Sendable.
    public let loop: EventLoop
    private let group: EventLoopGroup
    private let options: MQTTClientOptions
    private let listeners = Mutex<[Int: AsyncStream<MQTTClientEvent>.Continuation]>([:])
    private let nextListener = Atomic<Int>(0)
    private static let logger = Logger(label: "mqtt")

    private var session: MQTTClientSession
    private var backoff: ReconnectBackoff
    private var decoder: MQTTPacketDecoder
    private var connection: Connection?
    private var handler: MQTTConnectionHandler?
    private var isRunning = false
    private var elapsedSeconds: Int64 = 0
    private var tickTimer: TimerHandle?
    private var reconnectTimer: TimerHandle?
    /// A failure was logged and the recovery has not been: retries stay quiet meanwhile.
    private var isFailureLogged = false
    private var stopWaiters: [@Sendable () -> Void] = []
    /// The queue has dropped messages and has not been below half its bounds since (for the log).
    private var isDropping = false
    private var droppedWhileDropping = 0
    private let publishedFigures = Mutex(MQTTClientFigures())

    public init(group: EventLoopGroup, options: MQTTClientOptions) {
        self.group = group
        self.loop = group.next()
        self.options = options
        session = MQTTClientSession(connect: options.connect, options: options.session)
        backoff = options.backoff
        decoder = MQTTPacketDecoder(maximumPacketBytes: options.maximumIncomingPacketBytes)
    }

    /// Every event from now on, in order; the stream ends when the task iterating it is cancelled.
    public func events() -> AsyncStream<MQTTClientEvent> {
        let (stream, continuation) = AsyncStream.makeStream(of: MQTTClientEvent.self)
        let id = nextListener.add(1, ordering: .relaxed).newValue
        listeners.withLock { $0[id] = continuation }
        continuation.onTermination = { [weak self] _ in
            _ = self?.listeners.withLock { $0.removeValue(forKey: id) }
        }
        return stream
    }

    private func onEvent(_ event: MQTTClientEvent) {
        for continuation in listeners.withLock({ Array($0.values) }) { continuation.yield(event) }
    }

    /// Connects, and keeps connecting until `stop()`.
    public func start() {
        loop.execute { [self] in
            guard !isRunning else { return }
            isRunning = true
            scheduleTick()
            openConnection()
        }
    }

    /// Ends the connection with DISCONNECT (the broker then discards the last will, so publish
    /// what the will would have said first) and stops reconnecting. Returns once the connection
    /// has closed.
    public func stop() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            loop.execute { [self] in
                isRunning = false
                cancelTimers()
                guard let connection else {
                    handler?.isAbandoned = true
                    handler = nil
                    continuation.resume()
                    return
                }
                stopWaiters.append { continuation.resume() }
                write(session.disconnect())
                connection.close()
            }
        }
    }

    /// Publishes a message now, or as soon as the broker takes it (latest per topic wins; a QoS 0
    /// message while the broker is away is not kept, see `MQTTClientEvent.connected`). A topic
    /// name with a wildcard or of the wrong length is refused here and logged.
    public func publish(topic: String, payload: [UInt8], qos: MQTTQoS = .atMostOnce, retain: Bool = false) {
        publish([MQTTPublish(topic: topic, payload: payload, qos: qos, retain: retain)])
    }

    /// Publishes messages in order, with one hop onto the loop and a write per few hundred of them
    /// (their `dup` and `packetId` are ignored).
    public func publish(_ messages: [MQTTPublish]) {
        guard !messages.isEmpty else { return }
        loop.execute { [self] in
            var packets: [MQTTPacket] = []
            resumeOutputIfDrained()
            for message in messages {
                do {
                    packets += try session.publish(
                        topic: message.topic, payload: message.payload, qos: message.qos, retain: message.retain,
                        now: now)
                } catch {
                    MQTTClient.logger.warning("not published to \(message.topic): \(error)")
                }
                // A write every few hundred: once the socket holds enough, output pauses and the
                // rest waits in the session's queue instead of all of it in the socket's buffer.
                if packets.count >= 256 {
                    write(packets)
                    packets = []
                }
            }
            write(packets)
            reportDrops()
        }
    }

    /// The queue's figures as of the loop's last step; any thread, without waiting for the loop.
    public var figures: MQTTClientFigures {
        publishedFigures.withLock { $0 }
    }

    /// Subscribes now and after every reconnection.
    public func subscribe(_ filters: [MQTTTopicFilter], qos: MQTTQoS = .atLeastOnce) {
        loop.execute { [self] in write(session.subscribe(filters, qos: qos, now: now)) }
    }

    /// Ends subscriptions, now and for the later connections (the session renews only those it
    /// still has).
    public func unsubscribe(_ filters: [MQTTTopicFilter]) {
        loop.execute { [self] in write(session.unsubscribe(filters, now: now)) }
    }

    /// The queue's figures as the loop sees them now (waits for the loop; for tests).
    public func queueFigures() async -> MQTTClientFigures {
        await withCheckedContinuation { continuation in
            loop.execute { [self] in
                updateFigures()
                continuation.resume(returning: figures)
            }
        }
    }

    // MARK: - On the loop

    private var now: Duration { .seconds(elapsedSeconds) }

    private func openConnection() {
        loop.assertInEventLoop()
        guard isRunning, handler == nil else { return }
        let handler = MQTTConnectionHandler(client: self)
        self.handler = handler
        var connectionOptions = ServerOptions()
        connectionOptions.writeHighWatermark = options.writeQueueLimit
        connectionOptions.writeLowWatermark = options.writeLowWatermark
        connectionOptions.writeQueueLimit = options.writeQueueLimit
        // The handler is made here, on the loop, and handed over on the same loop.
        let bound = LoopBound(handler, loop: loop)
        group.connect(
            host: options.broker.host, port: options.broker.port,
            tls: options.broker.usesTLS ? options.tls : nil, timeout: options.connectTimeout,
            options: connectionOptions, on: loop
        ) { _ in bound.value }
    }

    func connectionDidOpen(_ connection: Connection, handler: MQTTConnectionHandler) {
        guard handler === self.handler, isRunning else {
            connection.close()
            return
        }
        self.connection = connection
        decoder = MQTTPacketDecoder(maximumPacketBytes: options.maximumIncomingPacketBytes)
        write(session.connectionOpened(now: now))
    }

    func connection(_ connection: Connection, didReceive bytes: UnsafeRawBufferPointer, handler: MQTTConnectionHandler)
    {
        guard handler === self.handler else { return }
        decoder.append(bytes)
        // What the packets of one read call for (a PUBACK each, or the next message for each
        // PUBACK) goes out in one write.
        var answers: [MQTTPacket] = []
        while self.connection != nil {
            let packet: MQTTPacket?
            do {
                packet = try decoder.next()
            } catch {
                write(answers)
                fail(.malformed(error))
                return
            }
            guard let packet else {
                write(answers)
                // The broker answered (PUBACKs, usually): the socket may have drained meanwhile.
                resumeOutputIfDrained()
                updateFigures()
                return
            }
            apply(session.receive(packet, now: now), sendingInto: &answers)
        }
    }

    func connectionDidEnd(error: String?, handler: MQTTConnectionHandler) {
        guard handler === self.handler else { return }
        self.handler = nil
        connection = nil
        session.connectionClosed()
        updateFigures()
        if !stopWaiters.isEmpty {
            let waiters = stopWaiters
            stopWaiters = []
            waiters.forEach { $0() }
        }
        guard isRunning else { return }
        let delay = backoff.nextDelay()
        let reason = error ?? "the broker closed the connection"
        if !isFailureLogged {
            isFailureLogged = true
            MQTTClient.logger.warning(
                "broker \(options.broker.description): \(reason); reconnecting with backoff (logged once until it recovers)"
            )
        }
        onEvent(.disconnected(reason: reason, retryInSeconds: delay))
        reconnectTimer = loop.scheduleTimer(after: delay) { [weak self] in
            self?.reconnectTimer = nil
            self?.openConnection()
        }
    }

    private func apply(_ step: MQTTSessionStep) {
        var send: [MQTTPacket] = []
        apply(step, sendingInto: &send)
        write(send)
        updateFigures()
    }

    /// Handles a step's events, adding its packets to `send` (written by the caller), or writing
    /// them at once when the step ends the connection.
    private func apply(_ step: MQTTSessionStep, sendingInto send: inout [MQTTPacket]) {
        send += step.send
        for event in step.events {
            switch event {
            case .connected:
                backoff.reset()
                if isFailureLogged {
                    isFailureLogged = false
                    MQTTClient.logger.info("connected to \(options.broker.description) again")
                } else {
                    MQTTClient.logger.info("connected to \(options.broker.description)")
                }
                onEvent(.connected)
            case .message(let message):
                onEvent(.message(message))
            case .subscribed(let subscriptions, let codes):
                for (subscription, code) in zip(subscriptions, codes) where code == .failure {
                    MQTTClient.logger.warning("the broker refused the subscription to \(subscription.filter)")
                    onEvent(.subscriptionRefused(filter: subscription.filter))
                }
            }
        }
        if let failure = step.failure {
            write(send)
            send = []
            fail(failure)
        }
    }

    private func fail(_ failure: MQTTSessionFailure) {
        guard let connection else { return }
        handler?.failure = failure.description
        connection.abort()
    }

    /// Writes `packets` as one buffer (one system call, not one a packet), then the session's
    /// further waiting messages a burst at a time while the socket's queue stays under
    /// `writeHighWatermark`; above it, output pauses until the queue drains below
    /// `writeLowWatermark`.
    private func write(_ packets: [MQTTPacket]) {
        var packets = packets
        while let connection, !packets.isEmpty {
            var bytes: [UInt8] = []
            for packet in packets { bytes += packet.encoded() }
            connection.write(bytes)
            if connection.queuedByteCount > options.writeHighWatermark {
                session.pauseOutput()
                return
            }
            packets = session.sendWaiting(now: now)
        }
    }

    private func resumeOutputIfDrained() {
        guard let connection, session.isOutputPaused, connection.queuedByteCount < options.writeLowWatermark else {
            return
        }
        write(session.resumeOutput(now: now))
    }

    /// Tells the owner which topics the queue dropped, logs when dropping starts and ends, and
    /// updates `figures`.
    private func reportDrops() {
        let dropped = session.takeDroppedTopics()
        if !dropped.isEmpty {
            droppedWhileDropping += dropped.count
            if !isDropping {
                isDropping = true
                MQTTClient.logger.warning(
                    "the outgoing queue is full (\(session.queue.count) messages, \(session.queue.byteCount) bytes): dropping the oldest state messages, each published again from the current state (logged once until the queue is below half its bounds)"
                )
            }
            onEvent(.dropped(topics: dropped))
        }
        updateFigures()
    }

    private func updateFigures() {
        if isDropping && !session.queue.isOverHalfFull {
            isDropping = false
            MQTTClient.logger.info(
                "the outgoing queue is below half its bounds again; \(droppedWhileDropping) state messages were dropped meanwhile and published again"
            )
            droppedWhileDropping = 0
        }
        var figures = MQTTClientFigures()
        figures.connected = session.state == .connected
        figures.waiting = session.queue.count
        figures.waitingBytes = session.queue.byteCount
        figures.inFlight = session.inFlightCount
        figures.dropped = session.queue.droppedCount
        publishedFigures.withLock { $0 = figures }
    }

    private func scheduleTick() {
        tickTimer = loop.scheduleTimer(after: 1) { [weak self] in
            guard let self else { return }
            self.tickTimer = nil
            self.elapsedSeconds += 1
            if self.connection != nil {
                self.resumeOutputIfDrained()
                self.apply(self.session.tick(now: self.now))
            }
            if self.isRunning { self.scheduleTick() }
        }
    }

    private func cancelTimers() {
        if let tickTimer { loop.cancel(tickTimer) }
        if let reconnectTimer { loop.cancel(reconnectTimer) }
        tickTimer = nil
        reconnectTimer = nil
    }
}
