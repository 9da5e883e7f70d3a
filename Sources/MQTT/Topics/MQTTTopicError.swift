/// Why a string is not a valid topic name or topic filter (MQTT 3.1.1 §4.7).
public enum MQTTTopicError: Error, Sendable, Hashable, CustomStringConvertible {
    case empty
    case tooLong(bytes: Int)
    case containsNull
    case wildcardInName
    case misplacedWildcard

    public var description: String {
        switch self {
        case .empty: "a topic is at least one character long"
        case .tooLong(let bytes): "a topic is at most 65535 bytes, this one has \(bytes)"
        case .containsNull: "a topic cannot contain U+0000"
        case .wildcardInName: "a topic name to publish to cannot contain + or #"
        case .misplacedWildcard:
            "+ must fill a whole level and # must be the last level on its own (sensors/+/power, sensors/#)"
        }
    }
}
