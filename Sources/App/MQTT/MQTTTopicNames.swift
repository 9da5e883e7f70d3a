/// The topics of docs/mqtt.md under the configured base (`mqtt.topic`, default `ampwise`).
///
/// A charger id or input name is one topic level, so the characters MQTT gives a meaning to are
/// percent-encoded in it: `/` (a level separator), `+` and `#` (wildcards, not allowed in a topic
/// name), and `%` itself. `CP+1` is `ampwise/chargers/CP%2B1/...`.
struct MQTTTopicNames: Sendable, Equatable {
    let base: String

    var status: String { "\(base)/status" }

    func charger(_ chargerId: String, _ leaf: String) -> String {
        "\(base)/chargers/\(Self.escaped(chargerId))/\(leaf)"
    }

    func connector(_ chargerId: String, _ connectorId: Int, _ leaf: String) -> String {
        "\(base)/chargers/\(Self.escaped(chargerId))/\(connectorId)/\(leaf)"
    }

    func input(_ name: String) -> String {
        "\(base)/inputs/\(Self.escaped(name))/set"
    }

    /// What to subscribe to for the commands of docs/mqtt.md.
    var commandFilters: [String] {
        ["\(base)/chargers/+/+/+/set", "\(base)/chargers/+/reset/set", "\(base)/inputs/+/set"]
    }

    /// The command a topic addresses, or nil when it is not one of ours.
    func commandTarget(of topic: String) -> MQTTCommandTarget? {
        guard topic.hasPrefix(base + "/") else { return nil }
        let levels = topic.dropFirst(base.count + 1).split(separator: "/", omittingEmptySubsequences: false)
        guard levels.last == "set" else { return nil }
        switch levels.count {
        case 3 where levels[0] == "inputs":
            return Self.unescaped(levels[1]).map { .input(name: $0) }
        case 4 where levels[0] == "chargers" && levels[2] == "reset":
            return Self.unescaped(levels[1]).map { .reset(chargerId: $0) }
        case 5 where levels[0] == "chargers":
            guard let chargerId = Self.unescaped(levels[1]), let connectorId = Int(levels[2]), connectorId >= 0 else {
                return nil
            }
            switch levels[3] {
            case "limit": return .limit(chargerId: chargerId, connectorId: connectorId)
            case "charge": return .charge(chargerId: chargerId, connectorId: connectorId)
            case "available": return .available(chargerId: chargerId, connectorId: connectorId)
            default: return nil
            }
        default:
            return nil
        }
    }

    static func escaped(_ level: String) -> String {
        var result = ""
        for character in level {
            switch character {
            case "%": result += "%25"
            case "/": result += "%2F"
            case "+": result += "%2B"
            case "#": result += "%23"
            default: result.append(character)
            }
        }
        return result
    }

    static func unescaped(_ level: Substring) -> String? {
        guard !level.isEmpty else { return nil }
        var result = ""
        var rest = level[...]
        while let percent = rest.firstIndex(of: "%") {
            result += rest[..<percent]
            let code = rest[percent...].prefix(3)
            switch code.uppercased() {
            case "%25": result += "%"
            case "%2F": result += "/"
            case "%2B": result += "+"
            case "%23": result += "#"
            default: return nil
            }
            rest = rest[percent...].dropFirst(3)
        }
        return result + rest
    }
}
