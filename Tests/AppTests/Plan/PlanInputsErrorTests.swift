import Chronology
import Foundation
import JSON
import Scheduling
import Testing

@testable import App

@Suite struct PlanInputsErrorTests {
    static func error(_ json: String) -> String? {
        do {
            _ = try PlanInputs.parse(JSONParser.parse(json), file: "plan.json")
            return nil
        } catch let error as PlanInputsError {
            return error.description
        } catch {
            return "not JSON: \(error)"
        }
    }

    @Test(arguments: [
        ("[]", "plan.json: expected a JSON object"),
        (
            #"{"connector": []}"#,
            "plan.json: connector: unknown field (expected chargers, connectors, inputs or tariff)"
        ),
        (#"{"connectors": [{"connector": 1}]}"#, "plan.json: connectors[0].charger: missing"),
        (
            #"{"connectors": [{"charger": "g", "connector": 0}]}"#,
            "plan.json: connectors[0].connector: expected an integer from 1 to 1000"
        ),
        (
            #"{"connectors": [{"charger": "g", "status": "Charged"}]}"#,
            "plan.json: connectors[0].status: expected a status (Available, Preparing, Charging, SuspendedEV, "
                + "SuspendedEVSE, Finishing, Reserved, Unavailable, Faulted) or a list of points"
        ),
        (
            #"{"connectors": [{"charger": "g", "status": [{"at": "tonight", "status": "Charging"}]}]}"#,
            "plan.json: connectors[0].status[0].at: expected an ISO 8601 time such as 2026-11-25T18:00:00Z"
        ),
        (
            #"{"connectors": [{"charger": "g", "power": [{"at": "2026-11-25T18:00:00Z"}]}]}"#,
            "plan.json: connectors[0].power[0].value: missing"
        ),
        (
            #"{"connectors": [{"charger": "g", "transaction": "yes"}]}"#,
            #"plan.json: connectors[0].transaction: expected true or false, or a list of {"at", "open"} points"#
        ),
        (
            #"{"connectors": [{"charger": "g", "powr": 1}]}"#,
            "plan.json: connectors[0].powr: unknown field (expected charger, connector, status, transaction, "
                + "energy, goal, power, current, offered, soc)"
        ),
        (
            #"{"connectors": [{"charger": "g"}, {"charger": "g", "connector": 1}]}"#,
            "plan.json: connectors[1]: g:1 is listed twice"
        ),
        (
            #"{"inputs": {"grid.pwr": 1}}"#,
            "plan.json: inputs.grid.pwr: unknown input (grid.power, solar.power, solar.surplus or input.NAME)"
        ),
        (
            #"{"inputs": {"grid.power": "high"}}"#,
            #"plan.json: inputs.grid.power: expected a number from -1000000000 to 1000000000 or a list of {"at", "value"} points"#
        ),
        (
            #"{"chargers": {"g": {"maxStackLevel": -1}}}"#,
            "plan.json: chargers.g.maxStackLevel: expected an integer from 0 to 1000"
        ),
    ])
    func badFieldsAreNamed(json: String, message: String) {
        #expect(Self.error(json) == message)
    }

    /// `Int(1e19)` trapped: `ampwise plan` died with SIGILL on these files.
    @Test(arguments: [
        (
            #"{"connectors": [{"charger": "g", "connector": 1e19}]}"#,
            "plan.json: connectors[0].connector: expected an integer from 1 to 1000"
        ),
        (
            #"{"chargers": {"g": {"maxStackLevel": 1e19}}}"#,
            "plan.json: chargers.g.maxStackLevel: expected an integer from 0 to 1000"
        ),
        (
            #"{"connectors": [{"charger": "g", "power": [{"at": "2026-11-25T00:00:00Z", "value": 1e300}]}]}"#,
            "plan.json: connectors[0].power[0].value: expected a number from 0 to 25000000 "
                + #"or a list of {"at", "value"} points"#
        ),
        (
            #"{"connectors": [{"charger": "g", "soc": 101}]}"#,
            #"plan.json: connectors[0].soc: expected a number from 0 to 100 or a list of {"at", "value"} points"#
        ),
        (
            #"{"tariff": [{"start": "2026-11-25T00:00:00Z", "end": "2026-11-25T01:00:00Z", "price": -1e19}]}"#,
            "plan.json: tariff: [0].price: expected a number from -1000000 to 1000000"
        ),
    ])
    func numbersOutOfRangeAreRefusedNamingTheField(json: String, message: String) {
        #expect(Self.error(json) == message)
    }

    @Test func badTariffSlotsAreNamed() throws {
        let message = try #require(Self.error(#"{"tariff": [{"start": "2026-11-25T00:00:00Z", "price": 1}]}"#))
        #expect(message.hasPrefix("plan.json: tariff: "))
    }

    @Test func aMissingFileIsNamed() {
        #expect(throws: PlanInputsError(file: "/nonexistent/plan.json", field: "", message: "cannot read the file")) {
            try PlanInputs.load(path: "/nonexistent/plan.json")
        }
    }

    @Test func seriesHoldEachValueUntilTheNextPointAndConstantsHoldAlways() throws {
        let inputs = try PlanInputs.parse(
            JSONParser.parse(
                """
                {"connectors": [{"charger": "g", "status": [{"at": "2026-11-25T01:00:00Z", "status": "Preparing"},
                                                            {"at": "2026-11-25T02:00:00Z", "status": "Charging"}],
                                 "power": 7200}],
                 "inputs": {"grid.power": [{"at": "2026-11-25T01:30:00Z", "value": -2000}], "input.boost": 1}}
                """), file: "plan.json")
        let scenario = inputs.scenario
        func at(_ text: String) -> Date { RFC3339.parse(text)! }
        let before = scenario.snapshots(at("2026-11-25T00:59:59Z"))[0].connectors[0]
        #expect(before.status == .available)
        #expect(before.transaction == nil)
        #expect(before.measurands[.powerActiveImport]?.value == 7200)
        #expect(scenario.snapshots(at("2026-11-25T01:00:00Z"))[0].connectors[0].status == .preparing)
        let charging = scenario.snapshots(at("2026-11-25T03:00:00Z"))[0].connectors[0]
        #expect(charging.status == .charging)
        #expect(charging.transaction?.id == 1001)
        #expect(charging.transaction?.startedAt == at("2026-11-25T02:00:00Z"))
        #expect(scenario.inputs(at("2026-11-25T01:00:00Z")) == [InputName("input.boost")!: 1])
        #expect(
            scenario.inputs(at("2026-11-25T01:30:00Z")) == [InputName("input.boost")!: 1, .gridPower: -2000])
    }
}
