extension MQTTCommand {
    /// The charger a command is for (nil for an input), which orders its commands.
    var chargerId: String? {
        switch self {
        case .setLimit(let id, _, _), .clearLimit(let id, _), .start(let id, _), .stop(let id, _),
            .availability(let id, _, _), .reset(let id, _):
            id
        case .input:
            nil
        }
    }

    /// Words for the log.
    var summary: String {
        switch self {
        case .setLimit(_, _, let amps): "limit \(MQTTStateTopics.number(amps)) A"
        case .clearLimit: "limit cleared"
        case .start: "start"
        case .stop: "stop"
        case .availability(_, _, let available): available ? "available" : "unavailable"
        case .reset(_, let type): "reset \(type)"
        case .input(let name, let value): "\(name) = \(value)"
        }
    }
}
