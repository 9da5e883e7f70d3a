import Foundation
import JSON
import TestSupport
import Testing

@testable import ChargePointManagement

@Suite("Post-boot set-up", .timeLimit(.minutes(1)))
struct ChargerSetupTests {
    static let features = "Core,SmartCharging,RemoteTrigger"

    /// Boots CP1 and waits until its set-up is done.
    static func bootAndSetUp(_ fixture: FleetFixture) async {
        _ = await fixture.boot()
        await fixture.waitFor(.configured(chargerId: "CP1"))
    }

    @Test func differingKeysAreChangedAndEachConnectorIsAskedForItsStatus() async throws {
        let caller = FakeChargePointCaller(configuration: [
            ("SupportedFeatureProfiles", Self.features), ("NumberOfConnectors", "2"),
            ("ChargingScheduleAllowedChargingRateUnit", "Current,Power"), ("ChargeProfileMaxStackLevel", "8"),
            ("MeterValueSampleInterval", "60"), ("MeterValuesSampledData", "Energy.Active.Import.Register"),
        ])
        let fixture = try FleetFixture(caller: caller)
        await Self.bootAndSetUp(fixture)
        #expect(
            caller.summary == [
                "GetConfiguration", "ChangeConfiguration MeterValueSampleInterval=30",
                "ChangeConfiguration MeterValuesSampledData="
                    + "Energy.Active.Import.Register,Power.Active.Import,Current.Import",
                "TriggerMessage StatusNotification 1", "TriggerMessage StatusNotification 2",
            ])
        #expect(caller.calls.first?.payload == JSONObject())
        let snapshot = try #require(fixture.fleet.snapshot("CP1"))
        #expect(snapshot.features == ["Core", "SmartCharging", "RemoteTrigger"])
        #expect(snapshot.numberOfConnectors == 2)
        #expect(snapshot.limitUnit == .amps)
        #expect(snapshot.maxStackLevel == 8)
        #expect(snapshot.connectors.map(\.id) == [1, 2])
        #expect(snapshot.configuration["MeterValueSampleInterval"] == "30")

        let commands = try await fixture.store.commands(chargerId: "CP1")
        #expect(commands.count == 5)
        #expect(commands.allSatisfy { $0.source == .setup && $0.latencyMs != nil })
        #expect(
            commands.map(\.outcome.storedValue).sorted() == [
                "Accepted", "Accepted", "Accepted", "Accepted", "Answered",
            ])
        let stored = try await fixture.store.configuration(chargerId: "CP1")
        #expect(stored.first { $0.key == "MeterValueSampleInterval" }?.value == "30")
        #expect(try await fixture.store.charger(id: "CP1")?.features == ["Core", "SmartCharging", "RemoteTrigger"])
    }

    @Test func equalKeysAreLeftAlone() async throws {
        let caller = FakeChargePointCaller(configuration: [
            ("SupportedFeatureProfiles", Self.features), ("NumberOfConnectors", "1"),
            ("MeterValueSampleInterval", "30"),
            ("MeterValuesSampledData", "Current.Import, Energy.Active.Import.Register,Power.Active.Import"),
        ])
        let fixture = try FleetFixture(caller: caller)
        await Self.bootAndSetUp(fixture)
        #expect(caller.summary == ["GetConfiguration", "TriggerMessage StatusNotification 1"])
    }

    @Test func rejectedMeasurandsAreNarrowedOnceToWhatTheChargerReports() async throws {
        let caller = FakeChargePointCaller(
            configuration: [
                ("SupportedFeatureProfiles", "Core"), ("MeterValueSampleInterval", "30"),
                ("MeterValuesSampledData", "Energy.Active.Import.Register,Power.Active.Import,Temperature"),
            ], rejectedKeys: ["MeterValuesSampledData"])
        let fixture = try FleetFixture(caller: caller)
        await Self.bootAndSetUp(fixture)
        #expect(
            caller.summary == [
                "GetConfiguration",
                "ChangeConfiguration MeterValuesSampledData="
                    + "Energy.Active.Import.Register,Power.Active.Import,Current.Import",
                "ChangeConfiguration MeterValuesSampledData=Energy.Active.Import.Register,Power.Active.Import",
            ])
        let outcomes = try await fixture.store.commands(chargerId: "CP1").map(\.outcome.storedValue)
        #expect(outcomes == ["Rejected", "Rejected", "Answered"])
    }

    @Test func aRefusalWithNothingNarrowerIsNotRetried() async throws {
        let caller = FakeChargePointCaller(
            configuration: [
                ("SupportedFeatureProfiles", "Core"), ("MeterValueSampleInterval", "30"),
                ("MeterValuesSampledData", "Energy.Active.Import.Register"),
            ], rejectedKeys: ["MeterValuesSampledData"])
        let fixture = try FleetFixture(caller: caller)
        await Self.bootAndSetUp(fixture)
        #expect(
            caller.summary == [
                "GetConfiguration",
                "ChangeConfiguration MeterValuesSampledData="
                    + "Energy.Active.Import.Register,Power.Active.Import,Current.Import",
            ])
    }

    @Test func theMaxLengthKeyShortensTheListBeforeTheFirstTry() async throws {
        let caller = FakeChargePointCaller(configuration: [
            ("SupportedFeatureProfiles", "Core"), ("MeterValueSampleInterval", "30"),
            ("MeterValuesSampledData", "Energy.Active.Import.Register"), ("MeterValuesSampledDataMaxLength", "2"),
        ])
        let fixture = try FleetFixture(caller: caller)
        await Self.bootAndSetUp(fixture)
        #expect(
            caller.summary == [
                "GetConfiguration",
                "ChangeConfiguration MeterValuesSampledData=Energy.Active.Import.Register,Power.Active.Import",
            ])
    }

    @Test func noRemoteTriggerMeansNoTriggerMessage() async throws {
        let caller = FakeChargePointCaller(configuration: [
            ("SupportedFeatureProfiles", "Core,SmartCharging"), ("NumberOfConnectors", "2"),
            ("MeterValueSampleInterval", "30"),
            ("MeterValuesSampledData", "Energy.Active.Import.Register,Power.Active.Import,Current.Import"),
        ])
        let fixture = try FleetFixture(caller: caller)
        await Self.bootAndSetUp(fixture)
        #expect(caller.summary == ["GetConfiguration"])
    }

    @Test func aChargerThatConnectsWithoutBootingIsSetUpAfterTheGracePeriod() async throws {
        let caller = FakeChargePointCaller(configuration: [
            ("SupportedFeatureProfiles", "Core"), ("MeterValueSampleInterval", "30"),
            ("MeterValuesSampledData", "Energy.Active.Import.Register,Power.Active.Import,Current.Import"),
        ])
        let fixture = try FleetFixture(caller: caller, setupGracePeriod: 0)
        fixture.fleet.connected("CP1")
        await fixture.waitFor(.configured(chargerId: "CP1"))
        #expect(caller.summary == ["GetConfiguration"])
        #expect(fixture.fleet.snapshot("CP1")?.features == ["Core"])
    }

    @Test func aChargerThatDoesNotAnswerGetConfigurationIsLeftAlone() async throws {
        let caller = FakeChargePointCaller()
        caller.answer { _ in .failure(.timeout) }
        let fixture = try FleetFixture(caller: caller)
        fixture.fleet.connected("CP1")
        await fixture.fleet.runSetup("CP1", boot: 0)
        #expect(caller.summary == ["GetConfiguration"])
        let outcomes = try await fixture.store.commands(chargerId: "CP1").map(\.outcome.storedValue)
        #expect(outcomes == ["Timeout"])
    }
}
