import Testing

@testable import MQTT

/// The examples of MQTT 3.1.1 §4.7.
@Suite struct MQTTTopicFilterTests {
    @Test(arguments: [
        ("sport/tennis/player1/#", "sport/tennis/player1", true),
        ("sport/tennis/player1/#", "sport/tennis/player1/ranking", true),
        ("sport/tennis/player1/#", "sport/tennis/player1/score/wimbledon", true),
        ("sport/#", "sport", true),
        ("#", "anything/at/all", true),
        ("sport/tennis/+", "sport/tennis/player1", true),
        ("sport/tennis/+", "sport/tennis/player1/ranking", false),
        ("sport/+", "sport", false),
        ("sport/+", "sport/", true),
        ("+/+", "/finance", true),
        ("/+", "/finance", true),
        ("+", "/finance", false),
        ("ampwise/chargers/+/+/limit/set", "ampwise/chargers/garage/1/limit/set", true),
        ("ampwise/chargers/+/+/limit/set", "ampwise/chargers/garage/1/limit", false),
        ("p1/power", "p1/power", true),
        ("p1/power", "p1/Power", false),
        ("#", "$SYS/broker/uptime", false),
        ("+/monitor/Clients", "$SYS/monitor/Clients", false),
        ("$SYS/#", "$SYS/monitor/Clients", true),
        ("$SYS/monitor/+", "$SYS/monitor/Clients", true),
    ])
    func matchesAsTheSpecificationSays(filter: String, topic: String, matches: Bool) throws {
        #expect(try MQTTTopicFilter(filter).matches(topic) == matches)
    }

    @Test(arguments: ["sport/tennis#", "sport/tennis/#/ranking", "sport+", "", "a/b+/c"])
    func misplacedWildcardsAreRefused(filter: String) {
        #expect(throws: MQTTTopicError.self) { try MQTTTopicFilter(filter) }
    }

    @Test func topicNamesToPublishToHaveNoWildcards() throws {
        try MQTTTopicFilter.checkName("ampwise/chargers/garage/1/power")
        #expect(throws: MQTTTopicError.wildcardInName) { try MQTTTopicFilter.checkName("ampwise/+") }
        #expect(throws: MQTTTopicError.empty) { try MQTTTopicFilter.checkName("") }
    }
}
