import ChargingModel
import Foundation
import Scheduling
import Testing

@testable import App

@Suite struct MQTTStateTopicsTests {
    private let names = MQTTTopicNames(base: "ampwise")
    private let at = Date(timeIntervalSince1970: 1_800_000_000)

    private func charging() -> ChargerSnapshot {
        var snapshot = ChargerSnapshot(id: "garage")
        snapshot.connected = true
        var connector = ConnectorSnapshot(id: 1)
        connector.status = .charging
        connector.transaction = TransactionSnapshot(id: 7, idTag: "t", startedAt: at, meterStart: 0, energyWh: 1500.04)
        connector.measurands[.powerActiveImport] = MeasurandValue(value: 7200, unit: "W", at: at)
        connector.measurands[.currentImport] = MeasurandValue(value: 10.44, unit: "A", at: at)
        var idle = ConnectorSnapshot(id: 2)
        idle.status = .available
        idle.measurands[.powerActiveImport] = MeasurandValue(value: 35, unit: "W", at: at)
        snapshot.connectors = [connector, idle]
        return snapshot
    }

    @Test func everyTopicOfTheDocsWithPlainTextPayloads() {
        let state = ConnectorSchedulingState(
            charging: true, limitAmps: 10, rules: ["solar"], source: "rules", appliedLimitAmps: 10, appliedStatus: nil,
            appliedAt: nil)
        let topics = Dictionary(
            uniqueKeysWithValues: MQTTStateTopics.topics(of: charging(), states: [1: state], names: names).map {
                ($0.topic, $0.payload)
            })
        #expect(topics["ampwise/chargers/garage/connected"] == "true")
        #expect(topics["ampwise/chargers/garage/1/status"] == "Charging")
        #expect(topics["ampwise/chargers/garage/1/power"] == "7200")
        #expect(topics["ampwise/chargers/garage/1/current"] == "10.4")
        #expect(topics["ampwise/chargers/garage/1/energy"] == "1500")
        #expect(topics["ampwise/chargers/garage/1/limit"] == "10")
        #expect(
            topics["ampwise/chargers/garage/1/decision"]
                == #"{"charging":true,"limitAmps":10,"rules":["solar"],"source":"rules","phases":null}"#)
        // No session: no power, no energy, no limit.
        #expect(topics["ampwise/chargers/garage/2/power"] == "0")
        #expect(topics["ampwise/chargers/garage/2/energy"] == "0")
        #expect(topics["ampwise/chargers/garage/2/limit"] == "none")
        #expect(topics["ampwise/chargers/garage/2/decision"] == "null")
    }
}
