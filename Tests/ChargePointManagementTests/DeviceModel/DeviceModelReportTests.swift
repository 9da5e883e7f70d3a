import Foundation
import JSON
import OCPP201
import Testing

@testable import ChargePointManagement

/// NotifyReport assembly: the parts of one report (seqNo from 0, `tbc` on all but the last) make
/// one device model once all have arrived, in any order (docs/ocpp201.md).
@Suite struct DeviceModelReportTests {
    static let at = Date(timeIntervalSince1970: 1_795_000_000)

    static func data(
        _ component: String, _ variable: String, _ value: String?, mutability: MutabilityEnum? = .readWrite,
        evse: EVSE? = nil, type: AttributeEnum? = nil
    ) -> ReportData {
        ReportData(
            component: Component(evse: evse, name: component), variable: Variable(name: variable),
            variableAttribute: [VariableAttribute(type: type, value: value, mutability: mutability)])
    }

    static func part(_ seqNo: Int, tbc: Bool?, _ data: [ReportData], requestId: Int = 3) -> NotifyReportRequest {
        NotifyReportRequest(requestId: requestId, generatedAt: at, reportData: data, tbc: tbc, seqNo: seqNo)
    }

    @Test func aReportIsWholeOnceEveryPartUpToTheLastArrivedInAnyOrder() {
        var report = DeviceModelReport(requestId: 3)
        do {
            let complete = report.add(Self.part(2, tbc: nil, [Self.data("SmartChargingCtrlr", "RateUnit", "A")]))
            #expect(!complete)
        }
        do {
            let complete = report.add(
                Self.part(
                    0, tbc: true, [Self.data("SmartChargingCtrlr", "ProfileStackLevel", "8", mutability: .readOnly)]))
            #expect(!complete)
        }
        do {
            let complete = report.add(Self.part(1, tbc: true, [Self.data("EVSE", "Power", "11000", evse: EVSE(id: 1))]))
            #expect(complete)
        }
        #expect(
            report.entries == [
                DeviceModelEntry(name: "SmartChargingCtrlr.ProfileStackLevel", value: "8", isReadonly: true),
                DeviceModelEntry(name: "EVSE@1.Power", value: "11000", isReadonly: false),
                DeviceModelEntry(name: "SmartChargingCtrlr.RateUnit", value: "A", isReadonly: false),
            ])
    }

    @Test func onlyTheActualValueCountsAndALaterPartWins() {
        var report = DeviceModelReport(requestId: 3)
        _ = report.add(
            Self.part(
                0, tbc: true,
                [
                    ReportData(
                        component: Component(name: "SampledDataCtrlr"), variable: Variable(name: "TxUpdatedInterval"),
                        variableAttribute: [
                            VariableAttribute(type: .maxSet, value: "3600"),
                            VariableAttribute(type: .actual, value: "60"),
                        ])
                ]))
        do {
            let complete = report.add(
                Self.part(1, tbc: false, [Self.data("SampledDataCtrlr", "TxUpdatedInterval", "30")]))
            #expect(complete)
        }
        #expect(
            report.entries == [
                DeviceModelEntry(name: "SampledDataCtrlr.TxUpdatedInterval", value: "30", isReadonly: false)
            ])
    }

    @Test func aStationsReportBecomesItsConfigurationAndItsRateUnit() async throws {
        let fixture = try FleetFixture()
        let first = await fixture.send(
            ocpp201: .notifyReport(Self.part(0, tbc: true, [Self.data("SmartChargingCtrlr", "RateUnit", "W")])))
        #expect(first == .confirm(JSONObject()))
        #expect(fixture.fleet.snapshot("CS1")?.configuration["SmartChargingCtrlr.RateUnit"] == nil)
        _ = await fixture.send(
            ocpp201: .notifyReport(
                Self.part(1, tbc: false, [Self.data("SmartChargingCtrlr", "ProfileStackLevel", "5")])))
        let snapshot = try #require(fixture.fleet.snapshot("CS1"))
        #expect(snapshot.configuration["SmartChargingCtrlr.RateUnit"] == "W")
        #expect(snapshot.limitUnit == .watts)
        #expect(snapshot.maxStackLevel == 5)
        let stored = try await fixture.store.configuration(chargerId: "CS1")
        #expect(Set(stored.map(\.key)) == ["SmartChargingCtrlr.RateUnit", "SmartChargingCtrlr.ProfileStackLevel"])
    }
}
