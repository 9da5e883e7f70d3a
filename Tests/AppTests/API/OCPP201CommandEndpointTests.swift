import ChargingModel
import Foundation
import JSON
import OCPP
import Testing

@testable import App

/// The API's reset, unlock, trigger, configuration and password endpoints for an OCPP 2.0.1
/// station: each sends 2.0.1's own message (docs/ocpp201.md, "Commands").
@Suite struct OCPP201CommandEndpointTests {
    /// The payloads sent, as JSON values (which dictionary literals can spell).
    func payloads(_ api: APIHarness) -> [JSONValue] { api.central.calls.map { .object($0.payload) } }

    static func object(_ value: JSONValue) -> JSONObject { value.objectValue ?? JSONObject() }

    /// The station answers SetVariables with one result of `status`.
    static func answerSetVariables(_ api: APIHarness, _ status: String, component: JSONValue, variable: JSONValue) {
        let result: JSONValue = ["attributeStatus": .string(status), "component": component, "variable": variable]
        api.central.answer("SetVariables", with: .success(object(["setVariableResult": [result]])))
    }

    func harness() -> APIHarness {
        var station = APIHarness.plainCharger("station")
        station.protocolVersion = "ocpp2.0.1"
        let api = APIHarness(connected: ["station"], snapshots: [station])
        api.central.setSpeaksOCPP201(["station"])
        return api
    }

    @Test(arguments: [("Immediate", "Immediate"), ("OnIdle", "OnIdle"), ("Hard", "Immediate"), ("Soft", "OnIdle")])
    func resetSendsTheOCPP201Type(given: String, sent: String) async {
        let api = harness()
        let response = await api.request("POST", "/api/chargers/station/reset", body: #"{"type":"\#(given)"}"#)
        #expect(response.text == #"{"status":"Accepted"}"#)
        #expect(api.central.calls.map(\.action) == ["Reset"])
        #expect(api.central.calls.map(\.payload) == [JSONObject([("type", .string(sent))])])
    }

    @Test func aResetTypeNeitherVersionKnowsIs400NamingTheField() async {
        let api = harness()
        let response = await api.request("POST", "/api/chargers/station/reset", body: #"{"type":"Later"}"#)
        #expect(response.status == .badRequest)
        #expect(response.text.hasPrefix(#"{"error":"type: expected one of \"Immediate\", \"OnIdle\""#))
        #expect(api.central.calls.isEmpty)
    }

    @Test func unlockSendsTheEVSEAndItsConnector() async {
        let api = harness()
        api.central.answer("UnlockConnector", with: .success(JSONObject([("status", "Unlocked")])))
        let response = await api.request("POST", "/api/chargers/station/unlock", body: #"{"connector":2}"#)
        #expect(response.text == #"{"status":"Unlocked"}"#)
        _ = await api.request("POST", "/api/chargers/station/unlock", body: #"{"connector":1,"evseConnector":2}"#)
        #expect(
            api.central.calls.map(\.payload) == [
                JSONObject([("evseId", 2), ("connectorId", 1)]), JSONObject([("evseId", 1), ("connectorId", 2)]),
            ])
    }

    @Test func triggerSendsTheRequestedMessageForTheEVSE() async {
        let api = harness()
        let response = await api.request(
            "POST", "/api/chargers/station/trigger", body: #"{"message":"TransactionEvent","connector":1}"#)
        #expect(response.text == #"{"status":"Accepted"}"#)
        _ = await api.request("POST", "/api/chargers/station/trigger", body: #"{"message":"Heartbeat"}"#)
        #expect(
            payloads(api) == [
                ["evse": ["id": 1], "requestedMessage": "TransactionEvent"], ["requestedMessage": "Heartbeat"],
            ])
        let bad = await api.request(
            "POST", "/api/chargers/station/trigger", body: #"{"message":"DiagnosticsStatusNotification"}"#)
        #expect(bad.status == .badRequest)
        #expect(bad.text.hasPrefix(#"{"error":"message: expected one of \"BootNotification\", "#))
    }

    @Test func configurationGetAsksGetVariablesAndAnswersInGetConfigurationsShape() async {
        let api = harness()
        let answer = Self.object([
            "getVariableResult": [
                [
                    "attributeStatus": "Accepted", "attributeValue": "A,W",
                    "component": ["name": "SmartChargingCtrlr"], "variable": ["name": "RateUnit"],
                ],
                [
                    "attributeStatus": "UnknownVariable", "component": ["name": "EVSE", "evse": ["id": 1]],
                    "variable": ["name": "Nope"],
                ],
            ]
        ])
        api.central.answer("GetVariables", with: .success(answer))
        let response = await api.request(
            "GET", "/api/chargers/station/configuration?key=SmartChargingCtrlr.RateUnit&key=EVSE@1.Nope")
        #expect(
            response.text
                == #"{"configurationKey":[{"key":"SmartChargingCtrlr.RateUnit","value":"A,W"}],"unknownKey":["EVSE@1.Nope"]}"#
        )
        #expect(
            payloads(api) == [
                [
                    "getVariableData": [
                        ["component": ["name": "SmartChargingCtrlr"], "variable": ["name": "RateUnit"]],
                        ["component": ["evse": ["id": 1], "name": "EVSE"], "variable": ["name": "Nope"]],
                    ]
                ]
            ])
        let bad = await api.request("GET", "/api/chargers/station/configuration?key=NoDot")
        #expect(bad.status == .badRequest)
        #expect(bad.text.hasPrefix(#"{"error":"key: \"NoDot\" is not a device model variable"#))
    }

    @Test func configurationPostSendsSetVariables() async {
        let api = harness()
        Self.answerSetVariables(
            api, "RebootRequired", component: ["name": "OCPPCommCtrlr"],
            variable: ["name": "MessageTimeout", "instance": "Default"])
        let response = await api.request(
            "POST", "/api/chargers/station/configuration",
            body: #"{"key":"OCPPCommCtrlr.MessageTimeout[Default]","value":30}"#)
        #expect(response.text == #"{"status":"RebootRequired"}"#)
        #expect(
            payloads(api) == [
                [
                    "setVariableData": [
                        [
                            "attributeValue": "30", "component": ["name": "OCPPCommCtrlr"],
                            "variable": ["instance": "Default", "name": "MessageTimeout"],
                        ]
                    ]
                ]
            ])
    }

    private static let password = "0123456789abcdefABCD"

    /// SPEC §13: a 2.0.1 station's password goes out as SetVariables SecurityCtrlr.BasicAuthPassword
    /// (the password itself); once accepted it is kept as a hash, and the record shows no secret.
    @Test func changingThePasswordSendsBasicAuthPasswordAndKeepsAHashOnceAccepted() async {
        let api = harness()
        Self.answerSetVariables(
            api, "Accepted", component: ["name": "SecurityCtrlr"], variable: ["name": "BasicAuthPassword"])
        let response = await api.request(
            "POST", "/api/chargers/station/password", body: #"{"password":"\#(Self.password)"}"#)
        #expect(response.text == #"{"status":"Accepted"}"#)
        let sent = api.central.calls.first?.payload["setVariableData"]?.arrayValue?.first?.objectValue
        #expect(sent?["attributeValue"] == .string(Self.password))
        #expect(sent?["variable"] == ["name": "BasicAuthPassword"])
        #expect(api.dependencies.passwords.check(Array(Self.password.utf8), of: "station"))
        #expect(!"\(api.records.recordedCommands)".contains(Self.password))
    }

    @Test(arguments: [
        (
            "/api/chargers/station/call",
            #"{"action":"SetVariables","payload":{"setVariableData":[{"attributeValue":"PASSWORD","#
                + #""component":{"name":"SecurityCtrlr"},"variable":{"name":"BasicAuthPassword"}}]}}"#
        ),
        ("/api/chargers/station/configuration", #"{"key":"SecurityCtrlr.BasicAuthPassword","value":"PASSWORD"}"#),
    ])
    func settingBasicAuthPasswordChangesThePassword(path: String, body: String) async {
        let api = harness()
        Self.answerSetVariables(
            api, "Accepted", component: ["name": "SecurityCtrlr"], variable: ["name": "BasicAuthPassword"])
        let response = await api.request(
            "POST", path, body: body.replacingOccurrences(of: "PASSWORD", with: Self.password))
        #expect(response.text == #"{"status":"Accepted"}"#)
        #expect(api.dependencies.passwords.check(Array(Self.password.utf8), of: "station"))
    }

    /// OCPP 2.0.1 Part 2 §2.1.4: a passwordString has a-z, A-Z, 0-9 and `*-_=:+|@.` only; a
    /// station that follows it would refuse the rest, so nothing is sent.
    @Test(arguments: [
        ("/api/chargers/station/password", #"{"password":"0123456789abcdef!"}"#, "password", "!"),
        (
            "/api/chargers/station/call",
            #"{"action":"SetVariables","payload":{"setVariableData":[{"attributeValue":"0123456789abcdef#x","#
                + #""component":{"name":"SecurityCtrlr"},"variable":{"name":"BasicAuthPassword"}}]}}"#,
            "payload.setVariableData[0].attributeValue", "#"
        ),
        (
            "/api/chargers/station/configuration",
            #"{"key":"SecurityCtrlr.BasicAuthPassword","value":"0123456789abcdef~~"}"#, "value", "~"
        ),
    ])
    func aPasswordWithACharacterOutsideThePasswordStringSetIsA400(
        path: String, body: String, field: String, character: String
    ) async {
        let api = harness()
        let response = await api.request("POST", path, body: body)
        #expect(response.status == .badRequest)
        #expect(
            response.text
                == #"{"error":"\#(field): an OCPP 2.0.1 station's BasicAuthPassword has only a-z, A-Z, 0-9 and "#
                + #"* - _ = : + | @ . (OCPP 2.0.1 passwordString), not \"\#(character)\""}"#)
        #expect(api.central.calls.isEmpty)
    }

    @Test func everyPasswordStringCharacterIsSent() async {
        let api = harness()
        Self.answerSetVariables(
            api, "Accepted", component: ["name": "SecurityCtrlr"], variable: ["name": "BasicAuthPassword"])
        let password = "aZ09*-_=:+|@.xyzQ"
        let response = await api.request(
            "POST", "/api/chargers/station/password", body: #"{"password":"\#(password)"}"#)
        #expect(response.text == #"{"status":"Accepted"}"#)
        #expect(api.dependencies.passwords.check(Array(password.utf8), of: "station"))
    }

    @Test func aPasswordSetAmongOtherVariablesIsA400() async {
        let api = harness()
        let body =
            #"{"action":"SetVariables","payload":{"setVariableData":[{"attributeValue":"1","#
            + #""component":{"name":"OCPPCommCtrlr"},"variable":{"name":"MessageTimeout"}},"#
            + #"{"attributeValue":"0123456789abcdefABCD","component":{"name":"SecurityCtrlr"},"#
            + #""variable":{"name":"BasicAuthPassword"}}]}}"#
        let response = await api.request("POST", "/api/chargers/station/call", body: body)
        #expect(response.status == .badRequest)
        #expect(response.text.hasPrefix(#"{"error":"payload.setVariableData[1] (SecurityCtrlr.BasicAuthPassword): "#))
        #expect(api.central.calls.isEmpty)
    }
}
