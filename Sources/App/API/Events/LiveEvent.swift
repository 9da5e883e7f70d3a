/// One Server-Sent Event of `GET /api/events` (docs/api.md): its id, its name and its JSON data.
struct LiveEvent: Sendable, Equatable {
    /// `EPOCH-N`: the process's start (so that an id from before a restart is not resumed in a
    /// stream it never belonged to) and the event's number in this process.
    let id: String
    let name: String
    /// Compact JSON: one line, so one `data:` field.
    let data: String
    /// The event as the stream carries it (WHATWG HTML, "Server-sent events": fields, then a
    /// blank line), encoded once for however many streams write it.
    let wire: [UInt8]

    /// The pending event numbered: only its `id:` line is encoded here (under the hub's lock), the
    /// rest was encoded when it was published.
    init(id: String, pending: PendingLiveEvent) {
        self.id = id
        name = pending.name
        data = pending.data
        var wire = Array("id: \(id)\n".utf8)
        wire.reserveCapacity(wire.count + pending.fields.count)
        wire += pending.fields
        self.wire = wire
    }

    var wireText: String {
        String(decoding: wire, as: UTF8.self)
    }
}
