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

    init(name: String, data: String, key: String?) {
        self.name = name
        self.data = data
        self.key = key
        fields = Array("event: \(name)\ndata: \(data)\n\n".utf8)
    }
}
