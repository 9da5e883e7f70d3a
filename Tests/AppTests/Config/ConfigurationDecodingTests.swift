import ChargePointManagement
import Chronology
import Foundation
import Scheduling
import Testing

@testable import App

@Suite struct ConfigurationDecodingTests {
    @Test func anEmptyObjectGivesTheDefaults() throws {
        let configuration = try AmpwiseConfiguration(jsonText: "{}", file: "ampwise.json")
        #expect(configuration == AmpwiseConfiguration())
        #expect(configuration.central.host == "0.0.0.0")
        #expect(configuration.central.port == 9000)
        #expect(configuration.central.tls == nil)
        #expect(configuration.central.heartbeatInterval == 300)
        #expect(configuration.central.meterValueSampleInterval == 60)
        #expect(
            configuration.central.measurands.map(\.spelling) == [
                "Energy.Active.Import.Register", "Power.Active.Import", "Current.Import", "Current.Offered",
                "Voltage", "SoC",
            ])
        #expect(configuration.central.pingInterval == 20)
        #expect(configuration.central.pingTimeout == 20)
        #expect(configuration.central.callTimeout == 30)
        #expect(configuration.central.maxMessageBytes == 1_048_576)
        #expect(configuration.central.maxBufferedBytes == 67_108_864)
        #expect(configuration.central.allowUnknownChargers)
        #expect(configuration.api.host == "127.0.0.1")
        #expect(configuration.api.port == 9080)
        #expect(configuration.api.token == nil)
        #expect(configuration.database == "ampwise.sqlite")
        #expect(configuration.rules == "rules")
        #expect(configuration.timeZone == TimeZone.current)
        #expect(configuration.logLevel == .info)
        #expect(configuration.idTags == IdTagPolicy(defaultStatus: .accepted, tags: [:]))
        #expect(configuration.chargers.isEmpty)
        #expect(configuration.tariff.defaultPrice == 0.30)
        #expect(configuration.tariff.periods.isEmpty)
        #expect(configuration.scheduling.tick == 10)
        #expect(configuration.scheduling.deadband == 0.5)
        #expect(configuration.scheduling.minIncreaseInterval == 10)
        #expect(configuration.scheduling.inputMaxAge == 300)
        #expect(configuration.scheduling.retryInterval == 30)
    }

    @Test func theSpecExampleParsesToEveryValueItStates() throws {
        let configuration = try AmpwiseConfiguration(jsonText: ConfigurationExample.specExample, file: "ampwise.json")
        #expect(
            configuration.central.tls
                == AmpwiseConfiguration.TLS(certificate: "/ssl/fullchain.pem", privateKey: "/ssl/privkey.pem"))
        #expect(configuration.timeZone.identifier == "Europe/Amsterdam")
        #expect(
            configuration.idTags
                == IdTagPolicy(defaultStatus: .accepted, tags: ["04A2B3C4": .accepted, "DEADBEEF": .blocked]))
        let garage = try #require(configuration.chargers["garage"])
        #expect(garage.password == "secret")
        #expect(garage.maxCurrent == 16)
        #expect(garage.minCurrent == 6)
        #expect(garage.phases == 3)
        #expect(garage.voltage == 230)
        #expect(garage.idTag == "ampwise")
        #expect(garage.strict)
        #expect(garage.pause == .profile)
        #expect(configuration.tariff.defaultPrice == 0.30)
        #expect(
            configuration.tariff.periods == [
                TariffPeriod(from: ClockTime("00:30")!, to: ClockTime("06:30")!, price: 0.11, days: .everyDay)
            ])
        // Apart from what the example adds, it states the defaults.
        var expected = AmpwiseConfiguration()
        expected.central.tls = configuration.central.tls
        expected.timeZone = configuration.timeZone
        expected.idTags = configuration.idTags
        expected.chargers = configuration.chargers
        expected.tariff = configuration.tariff
        #expect(configuration == expected)
    }

    @Test func everyChargerSettingIsRead() throws {
        let text = """
            {"chargers": {"car-park-7": {"maxCurrent": 32, "minCurrent": 8.5, "phases": 1, "voltage": 240,
             "idTag": "04A2B3C4", "strict": false, "pause": "remoteStop"}}}
            """
        let configuration = try AmpwiseConfiguration(jsonText: text, file: "ampwise.json")
        let charger = configuration.charger("car-park-7")
        #expect(charger.password == nil)
        #expect(charger.maxCurrent == 32)
        #expect(charger.minCurrent == 8.5)
        #expect(charger.phases == 1)
        #expect(charger.voltage == 240)
        #expect(charger.idTag == "04A2B3C4")
        #expect(charger.remoteStartIdTag == "04A2B3C4")
        #expect(!charger.strict)
        #expect(charger.pause == .remoteStop)
    }

    @Test func anUnlistedChargerGetsTheDefaults() throws {
        let configuration = try AmpwiseConfiguration(jsonText: #"{"chargers": {"garage": {}}}"#, file: "a.json")
        let unlisted = configuration.charger("driveway")
        #expect(unlisted == AmpwiseConfiguration.Charger())
        #expect(unlisted.maxCurrent == 16)
        #expect(unlisted.minCurrent == 6)
        #expect(unlisted.phases == 3)
        #expect(unlisted.voltage == 230)
        #expect(unlisted.strict)
        #expect(unlisted.pause == .profile)
        #expect(unlisted.idTag == nil)
        #expect(unlisted.remoteStartIdTag == "ampwise")
        #expect(configuration.admitsCharger("driveway"))
        let closed = try AmpwiseConfiguration(
            jsonText: #"{"central": {"allowUnknownChargers": false}, "chargers": {"garage": {}}}"#, file: "a.json")
        #expect(closed.admitsCharger("garage"))
        #expect(!closed.admitsCharger("driveway"))
    }

    @Test func tariffPeriodsAcceptEveryDaySetForm() throws {
        let text = """
            {"tariff": {"periods": [
              {"from": "22:00", "to": "06:00", "price": 0.09, "days": "mon..wed, sat"},
              {"from": "12:00", "to": "24:00", "price": -0.02, "days": "sat,sun"},
              {"from": "07:00", "to": "09:00", "price": 0.40, "days": "fri..mon"}
            ]}}
            """
        let periods = try AmpwiseConfiguration(jsonText: text, file: "a.json").tariff.periods
        #expect(
            periods.map(\.days) == [
                WeekdaySet([.monday, .tuesday, .wednesday, .saturday]), WeekdaySet([.saturday, .sunday]),
                WeekdaySet([.monday, .friday, .saturday, .sunday]),
            ])
        #expect(periods.map(\.to.description) == ["06:00", "24:00", "09:00"])
        #expect(periods.map(\.price) == [0.09, -0.02, 0.40])
    }

    @Test func nullTokenAndNullTLSMeanNone() throws {
        let configuration = try AmpwiseConfiguration(
            jsonText: #"{"api": {"token": null}, "central": {"tls": null}}"#, file: "a.json")
        #expect(configuration.api.token == nil)
        #expect(configuration.central.tls == nil)
        let withToken = try AmpwiseConfiguration(jsonText: #"{"api": {"token": "s3cret"}}"#, file: "a.json")
        #expect(withToken.api.token == "s3cret")
    }

    @Test func theFlagsOverrideTheFile() throws {
        let file = try AmpwiseConfiguration(
            jsonText: #"{"rules": "/etc/rules", "database": "a.sqlite", "logLevel": "warning"}"#, file: "a.json")
        let overridden = file.overriding(rules: "mine", database: "b.sqlite", logLevel: .debug)
        #expect(overridden.rules == "mine")
        #expect(overridden.database == "b.sqlite")
        #expect(overridden.logLevel == .debug)
        let untouched = file.overriding(rules: nil, database: nil, logLevel: nil)
        #expect(untouched == file)
        #expect(untouched.logLevel == .warning)
    }

    @Test func maxBufferedBytesIsReadAndReachesTheCentralSystem() throws {
        let configuration = try AmpwiseConfiguration(
            jsonText: #"{"central": {"maxBufferedBytes": 8388608}}"#, file: "ampwise.json")
        #expect(configuration.central.maxBufferedBytes == 8_388_608)
        #expect(try configuration.centralConfiguration().maxBufferedBytes == 8_388_608)
    }

    @Test func startUpWarnsAboutEachPasswordShorterThan16Characters() throws {
        let text = """
            {"chargers": {"garage": {"password": "secret"}, "carport": {"password": "0123456789abcdef"},
                          "shed": {}, "barn": {"password": "short one"}}}
            """
        let configuration = try AmpwiseConfiguration(jsonText: text, file: "ampwise.json")
        let advice =
            "use a random one of at least 16 (the OCPP security whitepaper asks for 16 to 20 bytes, "
            + "OCPP 2.0.1 for 16 to 40 characters): a short password can be guessed"
        #expect(
            configuration.startupWarnings == [
                "chargers.barn.password has 9 characters; " + advice,
                "chargers.garage.password has 6 characters; " + advice,
            ])
        #expect(AmpwiseConfiguration().startupWarnings.isEmpty)
    }
}
