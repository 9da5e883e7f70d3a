/// An event published to the hub and not yet sent: it waits for the end of its burst
/// (`LiveEvents.burstWindow`), where a later event with the same `key` replaces it.
struct PendingLiveEvent: Sendable {
    let name: String
    let data: String
    /// What a later event of the same key supersedes (`charger:ID`, `input`, `tariff`: each carries
    /// a whole state); nil for events that are each worth sending (`decision`, `command`).
    let key: String?
    /// `event:` and `data:` and the blank line, encoded once when published.
    let fields: [UInt8]
    /// For an event with a `key`: tells whether it carries the same state as the last one of its key
    /// that was sent (`LiveEvents` sends that state once). Hashed here, outside the hub's lock.
    let fingerprint: LiveEventFingerprint?

    init(name: String, data: String, key: String?) {
        self.name = name
        self.data = data
        self.key = key
        fields = Array("event: \(name)\ndata: \(data)\n\n".utf8)
        fingerprint = key == nil ? nil : LiveEventFingerprint(data)
    }
}
