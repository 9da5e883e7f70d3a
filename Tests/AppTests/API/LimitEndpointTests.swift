import JSON
import Scheduling
import Testing

@testable import App

@Suite struct LimitEndpointTests {
    let api = APIHarness(connected: ["garage"], snapshots: [APIHarness.plainCharger("garage")])

    @Test func aLimitInAmpsBecomesAnOverrideAndAnswersTheDecision() async {
        api.scheduler.update { $0.states["garage"] = [1: APIHarness.garageState] }
        let response = await api.request(
            "POST", "/api/chargers/garage/limit", body: #"{"connector":1,"amps":10,"minutes":60}"#)
        #expect(response.status == .ok)
        #expect(
            response.text
                == #"{"status":"Accepted","connector":1,"amps":10,"watts":null,"until":"2026-11-25T09:00:00Z","#
                + #""decision":{"charging":true,"limitAmps":10,"rules":["solar following"],"source":"rules","#
                + #""phases":null},"applied":{"limitAmps":10,"status":"Accepted","at":"2026-11-25T07:59:00Z","#
                + #""phases":null}}"#)
        #expect(
            api.scheduler.current.overrides == [
                LimitOverrideRequest(chargerId: "garage", connectorId: 1, amps: 10, watts: nil, minutes: 60)
            ])
    }

    @Test func aLimitInWattsWithoutMinutesHasNoEnd() async {
        let response = await api.request("POST", "/api/chargers/garage/limit", body: #"{"connector":1,"watts":4600}"#)
        #expect(
            response.text
                == #"{"status":"Accepted","connector":1,"amps":null,"watts":4600,"until":null,"decision":null,"#
                + #""applied":null}"#)
        #expect(api.scheduler.current.overrides.map(\.watts) == [4600])
    }

    @Test(arguments: [
        (#"{"connector":1}"#, "amps: expected a number of amperes (or watts: a number of watts)"),
        (#"{"connector":1,"amps":10,"watts":2300}"#, "amps, watts: give one of them, not both"),
        (#"{"connector":1,"amps":-1}"#, "amps: expected a number from 0 to 5000"),
        (#"{"connector":1,"amps":10,"minutes":0}"#, "minutes: expected a number from 0.1 to 10080"),
        (#"{"connector":-1,"amps":10}"#, "connector: expected an integer from 1 to 1000"),
    ])
    func badLimitsAre400NamingTheField(body: String, message: String) async {
        let response = await api.request("POST", "/api/chargers/garage/limit", body: body)
        #expect(response.status == .badRequest)
        #expect(response.text == JSONWriter.string(["error": .string(message)]))
        #expect(api.scheduler.current.overrides.isEmpty)
    }

    @Test func anOverrideTheEngineRefusesIs400WithItsMessage() async {
        api.scheduler.update { $0.refusal = SchedulerControlError("amps: above the charger's maxCurrent of 16 A") }
        let response = await api.request("POST", "/api/chargers/garage/limit", body: #"{"amps":40}"#)
        #expect(response.status == .badRequest)
        #expect(response.text == #"{"error":"amps: above the charger's maxCurrent of 16 A"}"#)
    }

    @Test func aLimitForADisconnectedChargerIs409AndForAnUnknownOne404() async {
        let offline = APIHarness(snapshots: [APIHarness.plainCharger("garage", connected: false)])
        let response = await offline.request("POST", "/api/chargers/garage/limit", body: #"{"amps":10}"#)
        #expect(response.status == .conflict)
        #expect(await offline.request("POST", "/api/chargers/x/limit", body: #"{"amps":10}"#).status == .notFound)
    }

    @Test func deleteClearsTheOverrideOfTheConnector() async {
        let response = await api.request("DELETE", "/api/chargers/garage/limit?connector=2")
        #expect(response.text == #"{"status":"Accepted","connector":2}"#)
        #expect(api.scheduler.current.cleared == ["garage:2"])
        let missing = await api.request("DELETE", "/api/chargers/garage/limit")
        #expect(missing.status == .badRequest)
        #expect(missing.text == #"{"error":"connector: expected an integer from 1 to 1000"}"#)
        let bad = await api.request("DELETE", "/api/chargers/garage/limit?connector=x")
        #expect(bad.text == #"{"error":"connector: expected an integer from 1 to 1000"}"#)
    }
}
