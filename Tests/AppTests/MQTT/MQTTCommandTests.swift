import Testing

@testable import App

@Suite struct MQTTCommandTests {
    private func command(_ target: MQTTCommandTarget, _ payload: String) throws -> MQTTCommand {
        try MQTTCommand(target: target, payload: Array(payload.utf8))
    }

    private let limit = MQTTCommandTarget.limit(chargerId: "g", connectorId: 1)

    @Test func aLimitIsAmperesAndEmptyOrNoneClearsIt() throws {
        #expect(try command(limit, "10") == .setLimit(chargerId: "g", connectorId: 1, amps: 10))
        #expect(try command(limit, " 6.5\n") == .setLimit(chargerId: "g", connectorId: 1, amps: 6.5))
        #expect(try command(limit, "") == .clearLimit(chargerId: "g", connectorId: 1))
        #expect(try command(limit, "None") == .clearLimit(chargerId: "g", connectorId: 1))
    }

    @Test(arguments: ["ten", "-1", "nan", "1e9", "0x10", "10 A"])
    func aBadLimitIsRefusedWithWhatWasExpected(payload: String) {
        #expect(throws: MQTTCommandError.self) { try command(limit, payload) }
    }

    @Test func aLimitOnConnectorZeroIsRefused() {
        #expect(throws: MQTTCommandError.self) {
            try command(.limit(chargerId: "g", connectorId: 0), "10")
        }
    }

    @Test func chargeTakesStartAndStop() throws {
        let charge = MQTTCommandTarget.charge(chargerId: "g", connectorId: 1)
        #expect(try command(charge, "start") == .start(chargerId: "g", connectorId: 1))
        #expect(try command(charge, "OFF") == .stop(chargerId: "g", connectorId: 1))
        #expect(throws: MQTTCommandError("expected start or stop")) { try command(charge, "go") }
    }

    @Test func availabilityTakesTrueAndFalse() throws {
        let available = MQTTCommandTarget.available(chargerId: "g", connectorId: 0)
        #expect(try command(available, "false") == .availability(chargerId: "g", connectorId: 0, available: false))
        #expect(throws: MQTTCommandError.self) { try command(available, "1") }
    }

    @Test func resetIsSoftUnlessHard() throws {
        #expect(try command(.reset(chargerId: "g"), "") == .reset(chargerId: "g", type: "Soft"))
        #expect(try command(.reset(chargerId: "g"), "hard") == .reset(chargerId: "g", type: "Hard"))
    }

    @Test func inputsKeepTheirTextForTheAPIsReader() throws {
        #expect(try command(.input(name: "grid.power"), "-2300") == .input(name: "grid.power", value: "-2300"))
        #expect(throws: MQTTCommandError.self) { try command(.input(name: "grid.power"), "") }
    }

    @Test func aPayloadThatIsNotUTF8IsRefused() {
        #expect(throws: MQTTCommandError.self) { try MQTTCommand(target: limit, payload: [0xC3, 0x28]) }
    }
}
