import Testing

@testable import App

@Suite struct MQTTTopicNamesTests {
    private let names = MQTTTopicNames(base: "ampwise")

    @Test func stateTopicsFollowTheLayoutOfTheDocs() {
        #expect(names.status == "ampwise/status")
        #expect(names.charger("garage", "connected") == "ampwise/chargers/garage/connected")
        #expect(names.connector("garage", 1, "power") == "ampwise/chargers/garage/1/power")
    }

    /// A charger id with a character MQTT gives a meaning to stays one level and is no wildcard.
    @Test(arguments: ["CP+1", "a/b", "x#y", "100%", "plain", "RDAM 123"])
    func idsAreEscapedIntoOneLevelAndReadBack(id: String) {
        let topic = names.connector(id, 2, "limit/set")
        #expect(!topic.contains("+") && !topic.contains("#"))
        #expect(topic.split(separator: "/").count == 6)
        #expect(names.commandTarget(of: topic) == .limit(chargerId: id, connectorId: 2))
    }

    @Test func commandTopicsAreRecognised() {
        #expect(names.commandTarget(of: "ampwise/chargers/g/1/charge/set") == .charge(chargerId: "g", connectorId: 1))
        #expect(
            names.commandTarget(of: "ampwise/chargers/g/0/available/set") == .available(chargerId: "g", connectorId: 0))
        #expect(names.commandTarget(of: "ampwise/chargers/g/reset/set") == .reset(chargerId: "g"))
        #expect(names.commandTarget(of: "ampwise/inputs/grid.power/set") == .input(name: "grid.power"))
    }

    @Test(arguments: [
        "ampwise/chargers/g/1/limit", "ampwise/chargers/g/x/limit/set", "ampwise/chargers/g/1/colour/set",
        "other/chargers/g/1/limit/set", "ampwise/chargers/g%ZZ/1/limit/set", "ampwise/chargers//1/limit/set",
        "ampwise/inputs/a/b/set",
    ])
    func otherTopicsAreNotCommands(topic: String) {
        #expect(names.commandTarget(of: topic) == nil)
    }
}
