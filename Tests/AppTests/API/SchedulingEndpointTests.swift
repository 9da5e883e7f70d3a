import ChargingModel
import Chronology
import Foundation
import JSON
import OCPP
import Rules
import Scheduling
import Testing

@testable import App

@Suite struct SchedulingEndpointTests {
    let api = APIHarness()

    static let gridInput = InputStatus(
        name: "grid.power", value: -2300, updatedAt: APIHarness.now.addingTimeInterval(-12), ageSeconds: 12,
        stale: false)

    @Test func puttingInputsMergesNumbersAndAnswersEveryInput() async {
        api.scheduler.update { $0.inputs = [Self.gridInput] }
        let response = await api.request("PUT", "/api/inputs", body: #"{"grid.power":-2300,"input.boost":1}"#)
        #expect(response.status == .ok)
        #expect(
            response.text
                == #"{"grid.power":{"value":-2300,"updatedAt":"2026-11-25T07:59:48Z","ageSeconds":12,"stale":false}}"#)
        #expect(
            api.scheduler.current.inputUpdates == [
                InputUpdate(values: [.gridPower: -2300, InputName("input.boost")!: 1])
            ])
    }

    @Test func anInputThatIsNotANumberIs400() async {
        let response = await api.request("PUT", "/api/inputs", body: #"{"grid.power":"high"}"#)
        #expect(response.status == .badRequest)
        #expect(response.text == #"{"error":"grid.power: expected a number (or null to remove it)"}"#)
        #expect(api.scheduler.current.inputUpdates.isEmpty)
    }

    @Test func aPushTheEngineRefusesIs400WithItsReason() async {
        api.scheduler.update { $0.refusal = SchedulerControlError("input.x: at most 1000 inputs are kept") }
        let response = await api.request("PUT", "/api/inputs", body: #"{"input.x":1}"#)
        #expect(response.status == .badRequest)
        #expect(response.text == #"{"error":"input.x: at most 1000 inputs are kept"}"#)
    }

    @Test func nullRemovesAnInputAndAStringThatHoldsANumberCountsAsIt() async {
        let response = await api.request(
            "PUT", "/api/inputs", body: #"{"grid.power":"5","solar.power":null,"input.boost":-1.5}"#)
        #expect(response.status == .ok)
        #expect(
            api.scheduler.current.inputUpdates == [
                InputUpdate(values: [.gridPower: 5, .solarPower: Double?.none, InputName("input.boost")!: -1.5])
            ])
    }

    @Test(arguments: [
        (
            #"{"power":1}"#,
            "power: unknown input (grid.power, solar.power, solar.surplus, "
                + "or input.NAME with letters, digits, _ and -)"
        ),
        (
            #"{"grid.power":1e19}"#,
            "grid.power: expected a number from -1000000000 to 1000000000 (or null to remove it)"
        ),
        (
            "{\"input.\(String(repeating: "y", count: 10_000))\":1}",
            "input.\(String(repeating: "y", count: 58))...: an input name has at most 64 characters, this one 10006"
        ),
        ("[1]", "expected an object of input names to numbers"),
    ])
    func aBadInputPushIs400NamingTheInputAndTheLimit(body: String, message: String) async {
        let response = await api.request("PUT", "/api/inputs", body: body)
        #expect(response.status == .badRequest)
        #expect(response.text == JSONWriter.string(["error": .string(message)]))
        #expect(api.scheduler.current.inputUpdates.isEmpty)
    }

    @Test func gettingInputsShowsValueAndAge() async {
        api.scheduler.update { $0.inputs = [Self.gridInput] }
        let response = await api.request("GET", "/api/inputs")
        #expect(
            response.text
                == #"{"grid.power":{"value":-2300,"updatedAt":"2026-11-25T07:59:48Z","ageSeconds":12,"stale":false}}"#)
    }

    @Test func puttingTheTariffPassesTheSlotsAndAnswersTheNext48Hours() async {
        let slot = PriceSlot(
            start: RFC3339.parse("2026-11-25T08:00:00Z")!, end: RFC3339.parse("2026-11-25T09:00:00Z")!,
            price: 0.12)
        api.scheduler.update { $0.slots = [slot] }
        let response = await api.request(
            "PUT", "/api/tariff", body: #"[{"start":"2026-11-25T08:00:00Z","end":"2026-11-25T09:00:00Z","price":0.12}]"#
        )
        #expect(response.status == .ok)
        #expect(response.text == #"[{"start":"2026-11-25T08:00:00Z","end":"2026-11-25T09:00:00Z","price":0.12}]"#)
        #expect(api.scheduler.current.tariffPushes == [[slot]])
        #expect(
            api.scheduler.current.tariffWindows == [APIHarness.now...APIHarness.now.addingTimeInterval(48 * 3600)])
    }

    @Test(arguments: [
        (#"{"start":"x"}"#, "expected a JSON array of {\"start\", \"end\", \"price\"} in the request body"),
        (#"[1]"#, "[0]: expected an object"),
        (
            #"[{"start":"yesterday","end":"2026-11-25T09:00:00Z","price":1}]"#,
            "[0].start: expected an ISO 8601 date-time such as 2026-11-25T00:00:00Z"
        ),
        (
            #"[{"start":"2026-11-25T09:00:00Z","end":"2026-11-25T09:00:00Z","price":1}]"#,
            "[0].end: expected a time after start"
        ),
        (
            #"[{"start":"2026-11-25T08:00:00Z","end":"2026-11-25T09:00:00Z","price":"cheap"}]"#,
            "[0].price: expected a number from -1000000 to 1000000"
        ),
    ])
    func badTariffsAre400NamingTheSlotAndField(body: String, message: String) async {
        let response = await api.request("PUT", "/api/tariff", body: body)
        #expect(response.status == .badRequest)
        #expect(response.text == JSONWriter.string(["error": .string(message)]))
        #expect(api.scheduler.current.tariffPushes.isEmpty)
    }

    @Test func rulesShowTheLoadedRulesAndWhichAreActivePerConnector() async throws {
        let source = #"rule "cheap" { priority 1 charge }"#
        let checked = RuleChecker.check([RuleSource(path: "rules/night.rules", text: source)])
        let rules = try #require(checked.ruleSet?.rules)
        api.scheduler.update {
            $0.overview = RulesOverview(
                rules: rules, active: [ConnectorKey(chargerId: "garage", connectorId: 1): ["cheap"]])
        }
        let response = await api.request("GET", "/api/rules")
        let rule = try #require(rules.first)
        #expect(
            response.text
                == #"{"rules":[{"name":"cheap","file":"rules/night.rules","line":1,"priority":1,"text":"#
                + JSONWriter.string(.string(rule.text))
                + #"}],"connectors":[{"charger":"garage","connector":1,"active":["cheap"]}]}"#)
    }

    @Test func aReloadThatChecksAnswersTheRuleNames() async {
        let response = await api.request("POST", "/api/rules/reload")
        #expect(response.status == .ok)
        #expect(response.text == #"{"status":"reloaded","rules":[],"warnings":[]}"#)
    }

    @Test func aReloadThatChecksWithWarningsLoadsAndAnswersThem() async {
        api.scheduler.update {
            $0.diagnostics = [
                RuleDiagnostic(
                    path: "rules/a.rules", line: 2, column: 14, message: "chargers garge matches no charger",
                    severity: .warning)
            ]
        }
        let response = await api.request("POST", "/api/rules/reload")
        #expect(response.status == .ok)
        #expect(
            response.text
                == #"{"status":"reloaded","rules":[],"warnings":["rules/a.rules:2:14: warning: chargers garge "#
                + #"matches no charger"]}"#)
    }

    @Test func aReloadWithErrorsIs400WithEveryError() async {
        api.scheduler.update {
            $0.diagnostics = [
                RuleDiagnostic(path: "rules/a.rules", line: 2, column: 5, message: "expected a current"),
                RuleDiagnostic(path: "rules/b.rules", line: 1, column: 1, message: "expected \"rule\""),
            ]
        }
        let response = await api.request("POST", "/api/rules/reload")
        #expect(response.status == .badRequest)
        #expect(
            response.text
                == #"{"error":"the rules have 2 errors; the last good rules stay loaded","errors":["#
                + #""rules/a.rules:2:5: error: expected a current","rules/b.rules:1:1: error: expected \"rule\""]}"#)
    }
}
