import ChargePointManagement
import ChargingModel
import JSON
import Testing

@testable import App

@Suite struct ChargerEndpointTests {
    static let garageJSON =
        #"{"id":"garage","connected":true,"protocol":null,"vendor":"Wall Box Chargers","model":"PLP1-0-2-4","serialNumber":"88034","#
        + #""firmwareVersion":"5.5.10","features":["Core","SmartCharging"],"lastHeartbeat":"2026-11-25T08:00:00Z","#
        + #""latencyMs":13,"reconnects":0,"status":"Available","errorCode":"NoError","connectors":[{"id":1,"#
        + #""status":"Charging","errorCode":"NoError","transaction":{"id":17,"idTag":"ampwise","#
        + #""startedAt":"2026-11-25T07:00:00Z","meterStart":1200,"energyWh":5400,"durationSeconds":3600},"#
        + #""lastStopReason":"EVDisconnected","measurands":{"Current.Import":{"value":10.5,"unit":"A","#
        + #""at":"2026-11-25T07:59:50Z","phases":{"L1":10.4,"L2":10.6}},"Power.Active.Import":{"value":7200,"#
        + #""unit":"W","at":"2026-11-25T07:59:50Z"}},"decision":{"charging":true,"limitAmps":10,"#
        + #""rules":["solar following"],"source":"rules","phases":null},"applied":{"limitAmps":10,"#
        + #""status":"Accepted","at":"2026-11-25T07:59:00Z","phases":null},"info":null,"vendorErrorCode":null,"statusAt":null,"goal":null}],"#
        + #""chargeBoxSerialNumber":null,"iccid":null,"imsi":null,"meterType":null,"meterSerialNumber":null,"#
        + #""lastBoot":null}"#

    @Test func oneChargerIsTheSpecsChargerObjectWithDecisionAndApplied() async {
        let api = APIHarness(connected: ["garage"], snapshots: [APIHarness.garage])
        api.scheduler.update { $0.states["garage"] = [1: APIHarness.garageState] }
        let response = await api.request("GET", "/api/chargers/garage")
        #expect(response.status == .ok)
        #expect(response.headers["Content-Type"] == "application/json; charset=utf-8")
        #expect(response.text == Self.garageJSON)
    }

    @Test func aChargerWithNothingKnownHasNullsAndEmptyCollections() async {
        var snapshot = ChargerSnapshot(id: "new")
        snapshot.connectors = [ConnectorSnapshot(id: 0), ConnectorSnapshot(id: 2)]
        let api = APIHarness(snapshots: [snapshot])
        let response = await api.request("GET", "/api/chargers/new")
        #expect(
            response.text
                == #"{"id":"new","connected":false,"protocol":null,"vendor":null,"model":null,"serialNumber":null,"#
                + #""firmwareVersion":null,"features":[],"lastHeartbeat":null,"latencyMs":null,"reconnects":0,"#
                + #""status":null,"errorCode":null,"connectors":[{"id":2,"status":null,"errorCode":null,"#
                + #""transaction":null,"lastStopReason":null,"measurands":{},"decision":null,"applied":null,"#
                + #""info":null,"vendorErrorCode":null,"statusAt":null,"goal":null}],"chargeBoxSerialNumber":null,"iccid":null,"#
                + #""imsi":null,"meterType":null,"meterSerialNumber":null,"lastBoot":null}"#)
    }

    @Test func theListHoldsEveryChargerSortedById() async {
        let api = APIHarness(snapshots: [APIHarness.plainCharger("b"), APIHarness.garage, APIHarness.plainCharger("a")])
        api.scheduler.update { $0.states["garage"] = [1: APIHarness.garageState] }
        let response = await api.request("GET", "/api/chargers")
        #expect(response.status == .ok)
        let ids = (try? JSONParser.parse(response.body))?.arrayValue?.compactMap { $0["id"]?.stringValue }
        #expect(ids == ["a", "b", "garage"])
        #expect(response.text.contains(Self.garageJSON))
    }

    @Test func noChargersIsAnEmptyArray() async {
        #expect(await APIHarness().request("GET", "/api/chargers").text == "[]")
    }

    /// SPEC §10: on a charger with `phaseSwitching`, the phases the limit is held on and those of the
    /// profile the charger holds.
    @Test func aPhaseSwitchingConnectorShowsThePhasesDecidedAndApplied() async throws {
        var state = APIHarness.garageState
        state.limitAmps = 13
        state.phases = 1
        state.appliedLimitAmps = 13
        state.appliedPhases = 1
        let api = APIHarness(connected: ["garage"], snapshots: [APIHarness.garage])
        api.scheduler.update { $0.states["garage"] = [1: state] }
        let charger = try JSONParser.parse(await api.request("GET", "/api/chargers/garage").body)
        let connector = try #require(charger["connectors"]?.arrayValue?.first)
        #expect(connector["decision"]?["phases"] == .number(1))
        #expect(connector["decision"]?["limitAmps"] == .number(13))
        #expect(connector["applied"]?["phases"] == .number(1))
    }

    @Test func anUnknownChargerIs404() async {
        let response = await APIHarness().request("GET", "/api/chargers/nope")
        #expect(response.status == .notFound)
        #expect(response.text == #"{"error":"unknown charger \"nope\""}"#)
    }

    /// A charger in `ampwise.json` that has not connected yet is known: shown disconnected, not 404.
    @Test func aConfiguredChargerThatNeverConnectedIsShownDisconnected() async {
        let api = APIHarness(snapshots: [APIHarness.plainCharger("a")], configured: ["a", "carport"])
        let one = await api.request("GET", "/api/chargers/carport")
        #expect(one.status == .ok)
        #expect((try? JSONParser.parse(one.body))?["connected"] == .bool(false))
        let list = await api.request("GET", "/api/chargers")
        let ids = (try? JSONParser.parse(list.body))?.arrayValue?.compactMap { $0["id"]?.stringValue }
        #expect(ids == ["a", "carport"])
    }

    @Test func aPercentEncodedIdIsDecoded() async {
        let api = APIHarness(snapshots: [APIHarness.plainCharger("CP 1")])
        let response = await api.request("GET", "/api/chargers/CP%201")
        #expect(response.status == .ok)
        #expect(response.text.hasPrefix(#"{"id":"CP 1","#))
    }
}
