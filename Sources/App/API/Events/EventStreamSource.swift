import JSON

/// What `GET /api/events` streams from: the hub, and the whole state a new client starts with
/// (one `charger` event per charger).
public struct EventStreamSource: Sendable {
    public let events: LiveEvents
    public let snapshot: @Sendable () async -> [(name: String, data: JSONValue)]

    public init(events: LiveEvents, snapshot: @escaping @Sendable () async -> [(name: String, data: JSONValue)]) {
        self.events = events
        self.snapshot = snapshot
    }
}
