import ChargingModel
import Foundation
import JSON
import Scheduling
import Store
import Synchronization

/// Turns what happens on a site into the events of `GET /api/events` (docs/api.md): `charger` (the
/// whole charger object, when it changes), `decision`, `command`, `input`, `tariff`. The post-boot
/// set-up's commands are not streamed: three or more per boot, 30,000 when a car park of 10,000
/// chargers boots, for a client that can use none of them live (what the set-up learned is in the
/// charger object; `GET /api/commands` and the why timeline keep them).
///
/// Charger objects are built off the reporting thread and coalesced: a charger that changes ten
/// times while its object is being built is built once more, not ten times. Nothing is built
/// while no stream is open.
public final class LiveEventFeed: Sendable {
    public let events: LiveEvents
    private let dependencies: APIDependencies
    private let pending = Mutex<(chargers: Set<String>, building: Bool)>(([], false))

    /// A feed for `events`, building charger objects as `GET /api/chargers` does.
    public init(events: LiveEvents, dependencies: APIDependencies) {
        self.events = events
        self.dependencies = dependencies
    }

    /// Subscribes to the site's charger changes, engine events and commands.
    public func attach(to site: Site) {
        site.fleet.observeChanges { [weak self] change in self?.chargerChanged(change.chargerId) }
        site.engine.observeEvents { [weak self] event in self?.engineEvent(event) }
        site.observeCommands { [weak self] record in self?.commandRecorded(record) }
    }

    /// What the event stream starts a new client with: one `charger` event per charger.
    public var streamSource: EventStreamSource {
        let dependencies = dependencies
        return EventStreamSource(events: events) {
            await ChargerEndpoints(dependencies: dependencies).allRepresentations().map { (name: "charger", data: $0) }
        }
    }

    func commandRecorded(_ record: CommandRecord) {
        guard record.source != .setup, events.hasSubscribers else { return }
        events.publish("command", record.apiRepresentation)
    }

    func engineEvent(_ event: EngineEvent) {
        guard events.hasSubscribers else { return }
        switch event {
        case .decisions(let records):
            for record in records { events.publish("decision", record.apiRepresentation) }
            // The charger object shows the decision in force.
            for chargerId in Set(records.map(\.chargerId)) { chargerChanged(chargerId) }
        case .inputs(let snapshot):
            events.publish(
                "input",
                .object(
                    JSONObject(snapshot.statuses.sorted { $0.name < $1.name }.map { ($0.name, $0.apiRepresentation) })),
                key: "input")
        case .tariff:
            let dependencies = dependencies
            let events = events
            Task {
                let now = dependencies.now()
                let slots = await dependencies.scheduler.tariffSlots(
                    from: now, to: now.addingTimeInterval(SchedulingEndpoints.tariffWindow))
                events.publish("tariff", .array(slots.map(\.apiRepresentation)), key: "tariff")
            }
        }
    }

    func chargerChanged(_ chargerId: String) {
        guard events.hasSubscribers else { return }
        let start = pending.withLock { pending in
            pending.chargers.insert(chargerId)
            guard !pending.building else { return false }
            pending.building = true
            return true
        }
        guard start else { return }
        Task { await buildChargers() }
    }

    /// Builds and publishes the objects of the chargers that changed, until none waits.
    private func buildChargers() async {
        let endpoints = ChargerEndpoints(dependencies: dependencies)
        while true {
            let chargers = pending.withLock { pending in
                let taken = pending.chargers
                pending.chargers = []
                if taken.isEmpty { pending.building = false }
                return taken
            }
            guard !chargers.isEmpty else { return }
            for chargerId in chargers.sorted() {
                guard let snapshot = dependencies.snapshot(of: chargerId) else { continue }
                events.publish("charger", await endpoints.representation(of: snapshot), key: "charger:\(chargerId)")
            }
        }
    }
}
