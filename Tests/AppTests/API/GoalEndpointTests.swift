import ChargingModel
import JSON
import Rules
import Scheduling
import Testing

@testable import App

@Suite struct GoalEndpointTests {
    let api = APIHarness(connected: ["garage"], snapshots: [APIHarness.plainCharger("garage")])

    /// The fake plans 16 A × 230 V × 3 phases (2,760 Wh a quarter hour) over a flat 0.25: 5 kWh
    /// are two quarter hours, the last two before `by` (ties go to the later slot).
    static let plan =
        #"{"connector":1,"energyKWh":5,"by":"2026-11-25T09:00:00Z","strategy":"cheapest","#
        + #""setAt":"2026-11-25T08:00:00Z","transactionId":17,"state":"waiting","missingKWh":5,"powerW":11040,"#
        + #""slots":[{"start":"2026-11-25T08:30:00Z","end":"2026-11-25T08:45:00Z","price":0.25},"#
        + #"{"start":"2026-11-25T08:45:00Z","end":"2026-11-25T09:00:00Z","price":0.25}],"#
        + #""expectedCost":1.25,"canMeet":true}"#

    @Test func aGoalIsSetAndAnsweredWithItsPlanAsGetShowsIt() async {
        let response = await api.request(
            "POST", "/api/chargers/garage/goal",
            body: #"{"connector":1,"energyKWh":5,"by":"2026-11-25T10:00:00+01:00","strategy":"cheapest"}"#)
        #expect(response.status == .ok)
        #expect(response.text == Self.plan)
        #expect(
            api.scheduler.current.goalRequests == [
                EnergyGoalRequest(
                    chargerId: "garage", connectorId: 1, energyWh: 5000, by: APIHarness.now.addingTimeInterval(3600),
                    strategy: .cheapest)
            ])
        let shown = await api.request("GET", "/api/chargers/garage/goal?connector=1")
        #expect(shown.status == .ok)
        #expect(shown.text == Self.plan)
    }

    /// A `formula` tariff's prices carry floating-point noise ((0.02 + 0.12) × 1.19 is
    /// 0.16659999999999997): the answer rounds prices, energies, power and money (docs/api.md).
    @Test func theAnswerRoundsPricesAndMoneySoThatFloatingPointNoiseStaysOut() {
        let price = (0.02 + 0.12) * (1 + 0.19)
        #expect("\(price)" == "0.16659999999999997")
        let goal = EnergyGoal(
            chargerId: "garage", connectorId: 1, energyWh: 1000.0 / 3, by: APIHarness.now.addingTimeInterval(3600),
            setAt: APIHarness.now, transactionId: 17)
        let connector = ConnectorState(
            chargerId: "garage", connectorId: 1, status: .charging, sessionEnergy: 0, hasOpenTransaction: true)
        let plan = EnergyGoalPlan(
            goal: goal, connector: connector, settings: .defaults, now: APIHarness.now, prices: .constant(price))
        let text = String(decoding: JSONWriter.bytes(plan.apiRepresentation), as: UTF8.self)
        #expect(text.contains(#""energyKWh":0.333,"#))
        #expect(text.contains(#""price":0.1666}"#))
        #expect(text.contains(#""expectedCost":0.0555,"#))
        #expect(!text.contains("0000000"))
    }

    @Test func theConnectorDefaultsTo1AndTheStrategyToCheapest() async {
        let response = await api.request(
            "POST", "/api/chargers/garage/goal", body: #"{"energyKWh":5,"by":"2026-11-25T09:00:00Z","strategy":null}"#)
        #expect(response.status == .ok)
        #expect(api.scheduler.current.goalRequests.map(\.connectorId) == [1])
        #expect(api.scheduler.current.goalRequests.map(\.strategy) == [.cheapest])
        _ = await api.request(
            "POST", "/api/chargers/garage/goal",
            body: #"{"energyKWh":5,"by":"2026-11-25T09:00:00Z","strategy":"solar"}"#)
        #expect(api.scheduler.current.goalRequests.map(\.strategy) == [.cheapest, .solar])
    }

    @Test(arguments: [
        (#"{"energyKWh":0,"by":"2026-11-25T09:00:00Z"}"#, "energyKWh: expected a number above 0 and at most 1000"),
        (#"{"energyKWh":-3,"by":"2026-11-25T09:00:00Z"}"#, "energyKWh: expected a number above 0 and at most 1000"),
        (#"{"energyKWh":5000,"by":"2026-11-25T09:00:00Z"}"#, "energyKWh: expected a number above 0 and at most 1000"),
        (#"{"energyKWh":"20","by":"2026-11-25T09:00:00Z"}"#, "energyKWh: expected a number above 0 and at most 1000"),
        (#"{"by":"2026-11-25T09:00:00Z"}"#, "energyKWh: expected a number above 0 and at most 1000"),
        (#"{"energyKWh":5}"#, "by: expected an RFC 3339 time such as 2026-12-03T07:00:00+01:00"),
        (#"{"energyKWh":5,"by":"07:00"}"#, "by: expected an RFC 3339 time such as 2026-12-03T07:00:00+01:00"),
        (#"{"energyKWh":5,"by":"2026-11-25T08:00:00Z"}"#, "by: must be in the future"),
        (#"{"energyKWh":5,"by":"2026-11-25T08:30:00+01:00"}"#, "by: must be in the future"),
        (
            #"{"energyKWh":5,"by":"2026-11-25T09:00:00Z","strategy":"fast"}"#,
            #"strategy: expected "cheapest" or "solar""#
        ),
        (
            #"{"energyKWh":5,"by":"2026-11-25T09:00:00Z","connector":0}"#,
            "connector: expected an integer from 1 to 1000"
        ),
        (
            #"{"energyKWh":5,"by":"2026-11-25T09:00:00Z","kWh":5}"#,
            "kWh: unknown field (expected connector, energyKWh, by, strategy)"
        ),
    ])
    func badGoalsAre400NamingTheField(body: String, message: String) async {
        let response = await api.request("POST", "/api/chargers/garage/goal", body: body)
        #expect(response.status == .badRequest)
        #expect(response.text == JSONWriter.string(["error": .string(message)]))
        #expect(api.scheduler.current.goalRequests.isEmpty)
    }

    @Test func anUnknownChargerOrConnectorIs404() async {
        let body = #"{"connector":2,"energyKWh":5,"by":"2026-11-25T09:00:00Z"}"#
        let connector = await api.request("POST", "/api/chargers/garage/goal", body: body)
        #expect(connector.status == .notFound)
        #expect(connector.text == #"{"error":"connector: charger \"garage\" has no connector 2"}"#)
        let charger = await api.request("POST", "/api/chargers/nobody/goal", body: body)
        #expect(charger.status == .notFound)
        #expect(charger.text == #"{"error":"unknown charger \"nobody\""}"#)
        #expect(await api.request("GET", "/api/chargers/nobody/goal?connector=1").status == .notFound)
        #expect(api.scheduler.current.goalRequests.isEmpty)
    }

    @Test func aGoalTheEngineRefusesIs400WithItsMessage() async {
        api.scheduler.update { $0.refusal = SchedulerControlError("by: must be within 7 days") }
        let response = await api.request(
            "POST", "/api/chargers/garage/goal", body: #"{"energyKWh":5,"by":"2027-01-01T00:00:00Z"}"#)
        #expect(response.status == .badRequest)
        #expect(response.text == #"{"error":"by: must be within 7 days"}"#)
    }

    @Test func deleteClearsTheGoalAndAConnectorWithoutOneIs404() async {
        let none = await api.request("GET", "/api/chargers/garage/goal?connector=1")
        #expect(none.status == .notFound)
        #expect(none.text == #"{"error":"connector 1 of charger \"garage\" has no goal"}"#)
        _ = await api.request(
            "POST", "/api/chargers/garage/goal", body: #"{"energyKWh":5,"by":"2026-11-25T09:00:00Z"}"#)
        let cleared = await api.request("DELETE", "/api/chargers/garage/goal?connector=1")
        #expect(cleared.text == #"{"status":"Accepted","connector":1}"#)
        #expect(api.scheduler.current.clearedGoals == ["garage:1"])
        #expect(await api.request("GET", "/api/chargers/garage/goal?connector=1").status == .notFound)
        #expect(await api.request("DELETE", "/api/chargers/garage/goal?connector=1").status == .notFound)
        let missing = await api.request("GET", "/api/chargers/garage/goal")
        #expect(missing.status == .badRequest)
        #expect(missing.text == #"{"error":"connector: expected an integer from 1 to 1000"}"#)
    }

    @Test func theChargerObjectShowsTheGoalOfEachConnector() async throws {
        _ = await api.request(
            "POST", "/api/chargers/garage/goal", body: #"{"energyKWh":5,"by":"2026-11-25T09:00:00Z"}"#)
        let plan = try #require(api.scheduler.current.goals[ConnectorKey(chargerId: "garage", connectorId: 1)])
        var state = APIHarness.garageState
        state.goal = plan
        api.scheduler.update { $0.states["garage"] = [1: state] }
        let charger = try JSONParser.parse(Array(await api.request("GET", "/api/chargers/garage").body))
        let goal = charger.objectValue?["connectors"]?.arrayValue?.first?.objectValue?["goal"]
        #expect(goal.map(JSONWriter.string) == Self.plan)
    }
}
