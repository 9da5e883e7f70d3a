import ChargingModel
import Foundation
import JSON
import Logging
import MQTT
import MQTTLink
import Scheduling
import Synchronization
import Transport

/// Ampwise on MQTT (docs/mqtt.md): publishes the state topics, retained and only on change;
/// takes the `.../set` commands and carries each out through its HTTP API twin
/// (`ChargerControl`, source `mqtt`); announces every charger to Home Assistant and takes back the
/// announcements of chargers that are gone.
///
/// The client lives on an event loop and delivers its events here in order. State is compared
/// with what was published once a second, so a burst of meter values is one message per topic,
/// and what changed goes to the client in one batch (one hop onto its loop, one write). A
/// charger whose connection, connectors and scheduling state are as at the last look (a
/// heartbeat changes none of them) is not compared topic by topic again. A state message the
/// client's queue dropped (the broker takes them more slowly than they come) is published again
/// from the current state at the next look.
/// Commands run in order per charger, and commands to different chargers do not wait for each
/// other (a charger that takes 30 s to answer holds up only its own).
actor MQTTBridge {
    private let settings: AmpwiseConfiguration.MQTT
    private let names: MQTTTopicNames
    private let discovery: HomeAssistantDiscovery?
    private let dependencies: APIDependencies
    private let maxCurrent: @Sendable (String) -> Double
    private let client: MQTTClient
    private let events: AsyncStream<MQTTClientEvent>
    private static let logger = Logger(label: "mqtt")
    /// How often the state is compared with what was published.
    private let refreshInterval: Duration

    /// Payload last published per state topic, since the last connection.
    private var published: [String: String] = [:]
    /// What each charger's state topics are made of (connected, connectors, scheduling state) at
    /// the last look, when all of them went out as `published` says; cleared whenever `published`
    /// loses entries. A heartbeat changes the snapshot but none of this.
    private var seen: [String: TopicInputs] = [:]
    private typealias TopicInputs = (
        connected: Bool, connectors: [ConnectorSnapshot], states: [Int: ConnectorSchedulingState]
    )
    /// Connectors announced to Home Assistant per charger, since the last connection.
    private var announced: [String: Set<Int>] = [:]
    /// Chargers the directory reported a change of since the last look (from the event loops).
    private let changedChargers = Mutex<Set<String>>([])
    /// The next look goes through every charger; and how many looks ago the last full one was.
    private var needsFullLook = true
    private var looksSinceFull = 0
    private static let fullLookInterval = 10
    /// The discovery node ids of every connector in the directory at the last full look, and of
    /// those looked at since.
    private var knownNodes: Set<String> = []
    /// Topics whose bad payload or failed command was logged; a good one clears it, so a sender
    /// that repeats a mistake is logged once.
    private var loggedFailures: Set<String> = []
    /// The last command task per charger (with a token to know it is still the last): the next
    /// one waits for it. Removed when it ends, so ids from stray topics do not pile up.
    private var commandChains: [String: (token: Int, task: Task<Void, Never>)] = [:]
    private var nextToken = 0
    private var tasks: [Task<Void, Never>] = []
    /// `discovery.configFilter`, and whether the bridge is subscribed to it (or has asked to be):
    /// from start-up and every connection until the broker's retained configs have all arrived
    /// (see `noteConfigArrived`).
    private var configFilter: MQTTTopicFilter?
    private var isWatchingConfigs = false

    /// The client for `settings`, with Ampwise's last will; the bridge and the MQTT sources share it.
    static func makeClient(settings: AmpwiseConfiguration.MQTT, group: EventLoopGroup) throws -> MQTTClient {
        let status = MQTTTopicNames(base: settings.topic).status
        let tls =
            settings.broker.usesTLS
            ? try ClientTLSContext(trustedCertificatesPath: settings.ca, setting: "mqtt.ca") : nil
        let connect = MQTTConnect(
            clientId: settings.clientId, cleanSession: true, keepAliveSeconds: UInt16(settings.keepAlive),
            will: MQTTWill(topic: status, payload: Array("offline".utf8), qos: .atLeastOnce, retain: true),
            username: settings.username, password: settings.password.map { Array($0.utf8) })
        return MQTTClient(group: group, options: MQTTClientOptions(broker: settings.broker, connect: connect, tls: tls))
    }

    init(
        settings: AmpwiseConfiguration.MQTT, client: MQTTClient, dependencies: APIDependencies,
        maxCurrent: @escaping @Sendable (String) -> Double, refreshInterval: Duration = .seconds(1)
    ) {
        self.settings = settings
        self.dependencies = dependencies
        self.maxCurrent = maxCurrent
        self.refreshInterval = refreshInterval
        let names = MQTTTopicNames(base: settings.topic)
        self.names = names
        discovery =
            settings.homeAssistant.discovery
            ? HomeAssistantDiscovery(prefix: settings.homeAssistant.prefix, names: names) : nil
        self.client = client
        events = client.events()
    }

    /// Connects (and keeps reconnecting), subscribes to the commands, and starts publishing.
    func start() throws {
        var filters = try names.commandFilters.map { try MQTTTopicFilter($0) }
        if let discovery {
            filters.append(try MQTTTopicFilter(discovery.birthTopic))
            let configFilter = try MQTTTopicFilter(discovery.configFilter)
            filters.append(configFilter)
            self.configFilter = configFilter
            isWatchingConfigs = true
        }
        client.subscribe(filters)
        dependencies.chargers.observeChanges { [weak self] change in self?.noteChange(of: change.chargerId) }
        client.start()
        let events = events
        tasks.append(
            Task { [weak self] in
                for await event in events {
                    guard let self else { return }
                    await self.handle(event)
                }
            })
        let interval = refreshInterval
        tasks.append(
            Task { [weak self] in
                while !Task.isCancelled {
                    try? await Task.sleep(for: interval)
                    guard let self, !Task.isCancelled else { return }
                    await self.refresh()
                }
            })
    }

    /// Called from the event loops on every change of a charger: remembered for the next look.
    private nonisolated func noteChange(of chargerId: String) {
        changedChargers.withLock { _ = $0.insert(chargerId) }
    }

    /// Says `offline` (the broker discards the will on a clean DISCONNECT) and disconnects.
    func stop() async {
        for task in tasks { task.cancel() }
        tasks = []
        client.publish(topic: names.status, payload: Array("offline".utf8), qos: .atLeastOnce, retain: true)
        await client.stop()
    }

    // MARK: - Events

    private func handle(_ event: MQTTClientEvent) async {
        switch event {
        case .connected:
            // A broker that restarted may have lost the retained state: publish it all again.
            published = [:]
            seen = [:]
            announced = [:]
            needsFullLook = true
            watchConfigs()
            client.publish(topic: names.status, payload: Array("online".utf8), qos: .atLeastOnce, retain: true)
            await refresh()
        case .disconnected, .subscriptionRefused:
            break
        case .dropped(let topics):
            // Not on the broker: the next look publishes them again, with the state of then.
            for topic in topics { published[topic] = nil }
            seen = [:]
            needsFullLook = true
        case .message(let message):
            await receive(message)
        }
    }

    private func receive(_ message: MQTTPublish) async {
        if let discovery {
            if message.topic == discovery.birthTopic {
                if message.payloadText == "online" {
                    // Home Assistant restarted: it wants every config again.
                    announced = [:]
                    needsFullLook = true
                    await refresh()
                }
                return
            }
            if let node = discovery.nodeId(ofConfigTopic: message.topic) {
                clearIfGone(node: node, topic: message.topic, payload: message.payload)
            }
            if discovery.isConfigTopic(message.topic) {
                noteConfigArrived(retained: message.retain)
                return
            }
        }
        guard let target = names.commandTarget(of: message.topic) else { return }
        let command: MQTTCommand
        do {
            command = try MQTTCommand(target: target, payload: message.payload)
        } catch {
            logOnce(message.topic, "ignored \(message.topic): \(error)")
            return
        }
        let chargerId = command.chargerId ?? ""
        let previous = commandChains[chargerId]?.task
        let topic = message.topic
        nextToken += 1
        let token = nextToken
        commandChains[chargerId] = (
            token,
            Task { [weak self] in
                await previous?.value
                await self?.carryOut(command, topic: topic)
                await self?.chainEnded(chargerId, token: token)
            }
        )
    }

    private func chainEnded(_ chargerId: String, token: Int) {
        if commandChains[chargerId]?.token == token { commandChains[chargerId] = nil }
    }

    private func carryOut(_ command: MQTTCommand, topic: String) async {
        let control = ChargerControl(dependencies: dependencies, source: .mqtt)
        do {
            switch command {
            case .setLimit(let chargerId, let connectorId, let amps):
                _ = try await control.setLimit(
                    chargerId: chargerId, connector: connectorId, amps: amps, watts: nil, minutes: nil)
            case .clearLimit(let chargerId, let connectorId):
                try await control.clearLimit(chargerId: chargerId, connector: connectorId)
            case .start(let chargerId, let connectorId):
                try await expectAccepted(control.start(chargerId: chargerId, connector: connectorId, idTag: nil))
            case .stop(let chargerId, let connectorId):
                try await expectAccepted(control.stop(chargerId: chargerId, connector: connectorId))
            case .availability(let chargerId, let connectorId, let available):
                _ = try await control.availability(chargerId: chargerId, connector: connectorId, available: available)
            case .reset(let chargerId, let type):
                _ = try await control.reset(chargerId: chargerId, type: type)
            case .input(let name, let value):
                _ = try await control.updateInputs(.object(JSONObject([(name, .string(value))])))
            }
            loggedFailures.remove(topic)
            Self.logger.info("\(topic): \(command.summary)")
        } catch {
            logOnce(topic, "\(topic): \(command.summary) failed: \(error.message)")
        }
    }

    private func expectAccepted(_ answer: JSONObject) throws(APIError) {
        guard ChargerControl.isAccepted(answer) else {
            throw APIError(status: .conflict, message: "the charger answered \(JSONWriter.string(.object(answer)))")
        }
    }

    private func logOnce(_ topic: String, _ message: String) {
        // Bounded: a sender cycling through made-up topics cannot grow it.
        if loggedFailures.count >= 1_000 { loggedFailures.removeAll() }
        guard loggedFailures.insert(topic).inserted else { return }
        Self.logger.warning("\(message) (logged once until this topic works again)")
    }

    // MARK: - State out

    /// Publishes what changed since the last look, announces new connectors, and takes back the
    /// announcements of chargers that left the directory. Between full looks (every
    /// `fullLookInterval` looks, and after a connection, Home Assistant's restart or a drop) only
    /// the chargers the directory reported a change of, or whose scheduling state changed, are
    /// looked at: building every charger's snapshot once a second takes the fleet's lock, which the
    /// event loops wait for, 43 times at 11,000 chargers.
    func refresh() async {
        let states = await dependencies.scheduler.allConnectorStates()
        let changed = changedChargers.withLock { changed in
            defer { changed = [] }
            return changed
        }
        var outgoing: [MQTTPublish] = []
        looksSinceFull += 1
        if needsFullLook || looksSinceFull >= Self.fullLookInterval {
            needsFullLook = false
            looksSinceFull = 0
            let snapshots = dependencies.allSnapshots()
            let present = Set(snapshots.map(\.id))
            knownNodes = []
            for snapshot in snapshots { look(at: snapshot, states: states[snapshot.id] ?? [:], into: &outgoing) }
            for chargerId in announced.keys where !present.contains(chargerId) {
                withdraw(chargerId, into: &outgoing)
            }
            if seen.count > present.count { seen = seen.filter { present.contains($0.key) } }
        } else {
            var ids = changed
            for (chargerId, chargerStates) in states where seen[chargerId]?.states != chargerStates {
                ids.insert(chargerId)
            }
            for chargerId in ids.sorted() {
                guard let snapshot = dependencies.snapshot(of: chargerId) else { continue }
                look(at: snapshot, states: states[chargerId] ?? [:], into: &outgoing)
            }
        }
        client.publish(outgoing)
    }

    /// One charger's state topics that changed, and its announcement if its connectors changed.
    private func look(
        at snapshot: ChargerSnapshot, states: [Int: ConnectorSchedulingState], into outgoing: inout [MQTTPublish]
    ) {
        if let discovery {
            for connector in snapshot.connectors {
                knownNodes.insert(discovery.nodeId(chargerId: snapshot.id, connectorId: connector.id))
            }
        }
        if let last = seen[snapshot.id], last.connected == snapshot.connected, last.connectors == snapshot.connectors,
            last.states == states
        {
            announce(snapshot, into: &outgoing)
            return
        }
        seen[snapshot.id] = (snapshot.connected, snapshot.connectors, states)
        for (topic, payload) in MQTTStateTopics.topics(of: snapshot, states: states, names: names)
        where published[topic] != payload {
            published[topic] = payload
            outgoing.append(MQTTPublish(topic: topic, payload: Array(payload.utf8), retain: true))
        }
        announce(snapshot, into: &outgoing)
    }

    private func announce(_ snapshot: ChargerSnapshot, into outgoing: inout [MQTTPublish]) {
        guard let discovery else { return }
        let connectors = Set(snapshot.connectors.map(\.id).filter { $0 >= 1 })
        guard announced[snapshot.id] != connectors else { return }
        announced[snapshot.id] = connectors
        for config in discovery.configs(
            of: snapshot, maxCurrent: maxCurrent(snapshot.id), version: dependencies.version)
        {
            outgoing.append(
                MQTTPublish(
                    topic: config.topic, payload: Array(JSONWriter.string(config.payload).utf8), qos: .atLeastOnce,
                    retain: true))
        }
    }

    /// A charger is gone: its entities and retained state go too (an empty retained message
    /// deletes a retained message, MQTT 3.1.1 §3.3.1.3). With QoS 1, so that the client's queue
    /// never drops them: nothing would publish them again.
    private func withdraw(_ chargerId: String, into outgoing: inout [MQTTPublish]) {
        let connectors = announced.removeValue(forKey: chargerId) ?? []
        if let discovery {
            for connectorId in connectors {
                for topic in discovery.configTopics(chargerId: chargerId, connectorId: connectorId) {
                    outgoing.append(MQTTPublish(topic: topic, payload: [], qos: .atLeastOnce, retain: true))
                }
            }
        }
        let prefix = names.charger(chargerId, "")
        for topic in published.keys where topic.hasPrefix(prefix) {
            published[topic] = nil
            outgoing.append(MQTTPublish(topic: topic, payload: [], qos: .atLeastOnce, retain: true))
        }
    }

    /// At every connection, the broker's retained configs are looked at once (`clearIfGone`):
    /// subscribed again unless the session still has the subscription (it renews what it has at
    /// every CONNACK, before anything is published).
    private func watchConfigs() {
        guard let configFilter, !isWatchingConfigs else { return }
        isWatchingConfigs = true
        client.subscribe([configFilter])
    }

    /// The broker sends a new subscription's retained messages with RETAIN 1 and what it forwards
    /// on an established one with RETAIN 0 (MQTT 3.1.1 §3.3.1.3, [MQTT-3.3.1-8], [MQTT-3.3.1-9]),
    /// and queues the retained ones as it takes the SUBSCRIBE, before anything published after
    /// it. So the first config with RETAIN 0 (usually the echo of one of ours) comes after every
    /// retained one: the filter is of no more use until the next connection, and staying
    /// subscribed would bring back every config Ampwise publishes (8 per connector) to be decoded
    /// for nothing. With no retained configs at all (a broker that lost them), the first echo ends
    /// it just the same; with nothing published either, it costs nothing.
    private func noteConfigArrived(retained: Bool) {
        guard !retained, isWatchingConfigs, let configFilter else { return }
        isWatchingConfigs = false
        client.unsubscribe([configFilter])
    }

    /// A retained config of ours on the broker for a charger Ampwise no longer knows (deleted
    /// while Ampwise was not running): cleared. (The refresh at every connection has filled
    /// `knownNodes` before the broker sends the retained configs.)
    private func clearIfGone(node: String, topic: String, payload: [UInt8]) {
        guard !payload.isEmpty, !knownNodes.contains(node) else { return }
        Self.logger.info("removing the Home Assistant entity of a charger Ampwise no longer knows: \(topic)")
        client.publish(topic: topic, payload: [], qos: .atLeastOnce, retain: true)
    }
}
