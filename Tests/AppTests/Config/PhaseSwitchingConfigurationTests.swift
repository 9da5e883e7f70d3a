import Testing

@testable import App

/// `chargers.ID.phaseSwitching` and `scheduler.phaseSwitchInterval` (docs/configuration.md).
@Suite struct PhaseSwitchingConfigurationTests {
    /// The problems reported for `text`, as `ConfigurationErrorTests` reads them.
    @Test func phaseSwitchingIsOffAndTheIntervalFiveMinutesByDefault() throws {
        let configuration = try AmpwiseConfiguration(jsonText: #"{"chargers": {"garage": {}}}"#, file: "a.json")
        #expect(configuration.chargers["garage"]?.phaseSwitching == false)
        #expect(configuration.scheduling.phaseSwitchInterval == 300)
        let settings = configuration.engineSettings
        #expect(settings.charger("garage").phaseSwitching == false)
        #expect(settings.charger("garage").ruleSettings.phaseSwitching == false)
        #expect(settings.phaseSwitchInterval == 300)
    }

    @Test func bothKeysReachTheEngine() throws {
        let configuration = try AmpwiseConfiguration(
            jsonText: #"{"chargers": {"garage": {"phaseSwitching": true}}, "scheduler": {"phaseSwitchInterval": 1}}"#,
            file: "a.json")
        #expect(configuration.chargers["garage"]?.phaseSwitching == true)
        let settings = configuration.engineSettings
        #expect(settings.charger("garage").ruleSettings.phaseSwitching)
        #expect(!settings.charger("other").ruleSettings.phaseSwitching)
        #expect(settings.phaseSwitchInterval == 1)
    }

    @Test func phaseSwitchingIsABoolean() {
        #expect(
            problems(#"{"chargers": {"garage": {"phaseSwitching": "yes"}}}"#)
                == ["chargers.garage.phaseSwitching: expected true or false"])
    }

    @Test func aOnePhaseChargerCannotSwitchPhases() {
        #expect(
            problems(#"{"chargers": {"garage": {"phases": 1, "phaseSwitching": true}}}"#)
                == ["chargers.garage.phaseSwitching: needs a 3-phase charger (phases is 1)"])
        #expect(problems(#"{"chargers": {"garage": {"phases": 1, "phaseSwitching": false}}}"#) == [])
        #expect(problems(#"{"chargers": {"garage": {"phases": 3, "phaseSwitching": true}}}"#) == [])
    }

    @Test func theIntervalIsAtLeastOneSecond() {
        #expect(
            problems(#"{"scheduler": {"phaseSwitchInterval": 0.5}}"#)
                == ["scheduler.phaseSwitchInterval: expected a number from 1 to 86400"])
        #expect(
            problems(#"{"scheduler": {"phaseSwitchInterval": "300"}}"#)
                == ["scheduler.phaseSwitchInterval: expected a number"])
    }
}
