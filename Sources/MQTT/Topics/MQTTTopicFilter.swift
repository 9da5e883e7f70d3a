/// A topic filter (MQTT 3.1.1 §4.7): levels separated by `/`, where `+` matches exactly one level
/// and a final `#` matches the parent level and any number of levels below it. Topics starting
/// with `$` (the broker's own, `$SYS/...`) are matched only by filters that start with the same
/// literal level (§4.7.2).
public struct MQTTTopicFilter: Sendable, Hashable, CustomStringConvertible {
    public let text: String
    private let levels: [Substring]

    public init(_ text: String) throws(MQTTTopicError) {
        try MQTTTopicFilter.checkCommon(text)
        let levels = text.split(separator: "/", omittingEmptySubsequences: false)
        for (index, level) in levels.enumerated() {
            if level.contains("#") && (level != "#" || index != levels.count - 1) { throw .misplacedWildcard }
            if level.contains("+") && level != "+" { throw .misplacedWildcard }
        }
        self.text = text
        self.levels = levels
    }

    public var description: String { text }

    /// Whether a message published to `topic` (a topic name, no wildcards) is delivered here.
    public func matches(_ topic: String) -> Bool {
        let topicLevels = topic.split(separator: "/", omittingEmptySubsequences: false)
        if topic.hasPrefix("$"), let first = levels.first, first == "+" || first == "#" { return false }
        var index = 0
        for level in levels {
            if level == "#" { return true }
            guard index < topicLevels.count else { return false }
            if level != "+" && level != topicLevels[index] { return false }
            index += 1
        }
        return index == topicLevels.count
    }

    /// Checks a topic name that a message is published to: like a filter, but with no wildcards.
    public static func checkName(_ name: String) throws(MQTTTopicError) {
        try checkCommon(name)
        if name.contains("+") || name.contains("#") { throw .wildcardInName }
    }

    private static func checkCommon(_ text: String) throws(MQTTTopicError) {
        let bytes = text.utf8.count
        if bytes == 0 { throw .empty }
        if bytes > 65_535 { throw .tooLong(bytes: bytes) }
        if text.utf8.contains(0) { throw .containsNull }
    }
}
