/// One Server-Sent Event of `GET /api/events` (docs/api.md): its id, its name and its JSON data.
struct LiveEvent: Sendable, Equatable {
    /// `EPOCH-N`: the process's start (so that an id from before a restart is not resumed in a
    /// stream it never belonged to) and the event's number in this process.
    var id: String
    var name: String
    /// Compact JSON: one line, so one `data:` field.
    var data: String

    /// The event as the stream carries it (WHATWG HTML, "Server-sent events": fields, then a
    /// blank line).
    var wireText: String {
        "id: \(id)\nevent: \(name)\ndata: \(data)\n\n"
    }
}
