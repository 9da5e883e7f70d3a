import ChargePointManagement
import ChargingModel
import Foundation
import JSON
import OCPP
import Testing

@testable import App

@Suite struct CommandEndpointTests {
    func harness(_ snapshots: [ChargerSnapshot] = [APIHarness.plainCharger("garage")]) -> APIHarness {
        APIHarness(connected: Set(snapshots.filter(\.connected).map(\.id)), snapshots: snapshots)
    }

    // MARK: start

    @Test func startDefaultsToConnectorOneAndTheChargersOwnIdTag() async {
        let api = harness()
        let response = await api.request("POST", "/api/chargers/garage/start", body: "")
        #expect(response.status == .ok)
        #expect(response.text == #"{"status":"Accepted"}"#)
        #expect(
            api.central.calls == [
                .init(
                    chargerId: "garage", action: "RemoteStartTransaction",
                    payload: JSONObject([("connectorId", 1), ("idTag", "garage-tag")]))
            ])
        #expect(api.scheduler.current.manualCommands == [.start(chargerId: "garage", connectorId: 1)])
    }

    @Test func startSendsTheGivenConnectorAndIdTagAndRecordsTheOutcome() async {
        let api = harness()
        let response = await api.request("POST", "/api/chargers/garage/start", body: #"{"connector":2,"idTag":"x"}"#)
        #expect(response.text == #"{"status":"Accepted"}"#)
        let payload = JSONObject([("connectorId", 2), ("idTag", "x")])
        #expect(api.central.calls.map(\.payload) == [payload])
        let records = api.records.recordedCommands
        #expect(records.count == 1)
        let record = records[0]
        #expect(record.chargerId == "garage")
        #expect(record.connectorId == 2)
        #expect(record.action == "RemoteStartTransaction")
        #expect(record.payload == .object(payload))
        #expect(record.source == .api)
        #expect(record.sentAt == APIHarness.now)
        #expect(record.outcome == .status("Accepted"))
        #expect(record.response == ["status": "Accepted"])
        #expect(record.latencyMs != nil)
        #expect(
            api.commands.counters.all.map(\.key) == [
                CommandCounterKey(source: "api", action: "RemoteStartTransaction", outcome: "Accepted")
            ])
    }

    @Test func aRejectedStartIsAnsweredAsTheChargerSaidAndNotNotedAsManual() async {
        let api = harness()
        api.central.answer("RemoteStartTransaction", with: .success(JSONObject([("status", "Rejected")])))
        let response = await api.request("POST", "/api/chargers/garage/start", body: #"{"connector":1}"#)
        #expect(response.status == .ok)
        #expect(response.text == #"{"status":"Rejected"}"#)
        #expect(api.scheduler.current.manualCommands.isEmpty)
        #expect(api.records.recordedCommands.map(\.outcome) == [.status("Rejected")])
    }

    @Test(arguments: [#"{"connector":0}"#, #"{"connector":"1"}"#, #"{"connector":1.5}"#])
    func startWithABadConnectorIs400NamingTheField(body: String) async {
        let api = harness()
        let response = await api.request("POST", "/api/chargers/garage/start", body: body)
        #expect(response.status == .badRequest)
        #expect(response.text == #"{"error":"connector: expected an integer from 1 to 1000"}"#)
        #expect(api.central.calls.isEmpty)
    }

    @Test func anIdTagLongerThanOCPPAllowsIs400FromTheSchema() async {
        let api = harness()
        let response = await api.request(
            "POST", "/api/chargers/garage/start", body: #"{"idTag":"123456789012345678901"}"#)
        #expect(response.status == .badRequest)
        #expect(response.text == #"{"error":"idTag: 21 characters, longer than the maximum of 20"}"#)
        #expect(api.central.calls.isEmpty)
    }

    @Test func aCommandToAnUnknownChargerIs404() async {
        let api = harness()
        let response = await api.request("POST", "/api/chargers/ghost/start", body: "{}")
        #expect(response.status == .notFound)
        #expect(response.text == #"{"error":"unknown charger \"ghost\""}"#)
    }

    /// Configured in `ampwise.json` but never connected (so neither in the directory nor the store):
    /// 409 "not connected" from every endpoint that needs the charger, as for one that disconnected.
    @Test(arguments: [
        ("POST", "/api/chargers/carport/start", "{}"), ("POST", "/api/chargers/carport/stop", "{}"),
        ("POST", "/api/chargers/carport/reset", #"{"type":"Soft"}"#),
        ("POST", "/api/chargers/carport/limit", #"{"amps":10}"#),
        ("POST", "/api/chargers/carport/availability", #"{"available":false}"#),
        ("POST", "/api/chargers/carport/unlock", #"{"connector":1}"#),
        ("POST", "/api/chargers/carport/trigger", #"{"message":"Heartbeat"}"#),
        ("POST", "/api/chargers/carport/configuration", #"{"key":"K","value":"V"}"#),
        ("POST", "/api/chargers/carport/call", #"{"action":"ClearCache"}"#),
    ])
    func aCommandToAConfiguredChargerThatIsNotConnectedIs409(method: String, path: String, body: String) async {
        let api = APIHarness(configured: ["carport"])
        let response = await api.request(method, path, body: body)
        #expect(response.status == .conflict)
        #expect(response.text == #"{"error":"charger \"carport\" is not connected"}"#)
    }

    @Test func aCommandToADisconnectedChargerIs409AndRecordedAsNotConnected() async {
        let api = harness([APIHarness.plainCharger("garage", connected: false)])
        let response = await api.request("POST", "/api/chargers/garage/reset", body: #"{"type":"Soft"}"#)
        #expect(response.status == .conflict)
        #expect(response.text == #"{"error":"charger \"garage\" is not connected"}"#)
        #expect(api.records.recordedCommands.map(\.outcome) == [.notConnected])
        #expect(api.records.recordedCommands.first?.latencyMs == nil)
    }

    @Test func aChargerThatDoesNotAnswerIs504AndRecordedAsTimeout() async {
        let api = harness()
        api.central.answer("Reset", with: .failure(.timeout))
        let response = await api.request("POST", "/api/chargers/garage/reset", body: #"{"type":"Hard"}"#)
        #expect(response.status == .gatewayTimeout)
        #expect(response.text == #"{"error":"charger \"garage\" did not answer in time"}"#)
        #expect(api.records.recordedCommands.map(\.outcome) == [.timeout])
    }

    @Test func aCallErrorIs502WithItsCode() async {
        let api = harness()
        api.central.answer(
            "UnlockConnector", with: .failure(.callError(code: .notSupported, description: "no", details: JSONObject()))
        )
        let response = await api.request("POST", "/api/chargers/garage/unlock", body: #"{"connector":1}"#)
        #expect(response.status.code == 502)
        #expect(response.text == #"{"error":"CALLERROR NotSupported: no","code":"NotSupported","description":"no"}"#)
        #expect(api.records.recordedCommands.map(\.outcome) == [.callError(code: "NotSupported", description: "no")])
    }

    @Test func aMalformedBodyIs400() async {
        let api = harness()
        let broken = await api.request("POST", "/api/chargers/garage/reset", body: "{")
        #expect(broken.status == .badRequest)
        #expect(broken.text.hasPrefix(#"{"error":"invalid JSON in the request body: line 1, column"#))
        let array = await api.request("POST", "/api/chargers/garage/reset", body: "[]")
        #expect(array.text == #"{"error":"expected a JSON object in the request body, got an array"}"#)
        let missing = await api.request("POST", "/api/chargers/garage/reset")
        #expect(missing.text == #"{"error":"expected a JSON request body"}"#)
    }

    // MARK: stop

    @Test func stopSendsTheOpenTransactionOfTheConnector() async {
        let api = harness([APIHarness.garage])
        let response = await api.request("POST", "/api/chargers/garage/stop", body: #"{"connector":1}"#)
        #expect(response.text == #"{"status":"Accepted"}"#)
        #expect(api.central.calls.map(\.action) == ["RemoteStopTransaction"])
        #expect(api.central.calls.map(\.payload) == [JSONObject([("transactionId", 17)])])
        #expect(api.scheduler.current.manualCommands == [.stop(chargerId: "garage", connectorId: 1)])
        #expect(api.records.recordedCommands.first?.connectorId == 1)
    }

    @Test func stopWithoutAnOpenTransactionIs409() async {
        let api = harness()
        let response = await api.request("POST", "/api/chargers/garage/stop", body: #"{"connector":1}"#)
        #expect(response.status == .conflict)
        #expect(response.text == #"{"error":"connector 1 of charger \"garage\" has no open transaction"}"#)
        #expect(api.central.calls.isEmpty)
    }

    @Test func stopOnADisconnectedChargerIs409NotConnected() async {
        var garage = APIHarness.garage
        garage.connected = false
        let api = harness([garage])
        let response = await api.request("POST", "/api/chargers/garage/stop", body: #"{"connector":1}"#)
        #expect(response.status == .conflict)
        #expect(response.text == #"{"error":"charger \"garage\" is not connected"}"#)
    }

    // MARK: availability, reset, unlock, trigger

    @Test func availabilitySendsChangeAvailabilityAndNotesAScheduledAnswer() async {
        let api = harness()
        api.central.answer("ChangeAvailability", with: .success(JSONObject([("status", "Scheduled")])))
        let response = await api.request(
            "POST", "/api/chargers/garage/availability", body: #"{"connector":0,"available":false}"#)
        #expect(response.text == #"{"status":"Scheduled"}"#)
        #expect(api.central.calls.map(\.payload) == [JSONObject([("connectorId", 0), ("type", "Inoperative")])])
        #expect(
            api.scheduler.current.manualCommands == [
                .availability(chargerId: "garage", connectorId: 0, available: false)
            ])
        let operative = await api.request("POST", "/api/chargers/garage/availability", body: #"{"available":true}"#)
        #expect(operative.status == .ok)
        #expect(api.central.calls.last?.payload == JSONObject([("connectorId", 0), ("type", "Operative")]))
    }

    @Test func availabilityNeedsABoolean() async {
        let response = await harness().request(
            "POST", "/api/chargers/garage/availability", body: #"{"connector":1,"available":"no"}"#)
        #expect(response.status == .badRequest)
        #expect(response.text == #"{"error":"available: expected true or false"}"#)
    }

    @Test func resetSendsTheType() async {
        let api = harness()
        #expect(await api.request("POST", "/api/chargers/garage/reset", body: #"{"type":"Hard"}"#).status == .ok)
        #expect(api.central.calls.map(\.payload) == [JSONObject([("type", "Hard")])])
        let bad = await api.request("POST", "/api/chargers/garage/reset", body: #"{"type":"soft"}"#)
        #expect(bad.status == .badRequest)
        #expect(bad.text == #"{"error":"type: expected \"Soft\" or \"Hard\""}"#)
    }

    @Test func unlockAnswersTheChargersStatus() async {
        let api = harness()
        api.central.answer("UnlockConnector", with: .success(JSONObject([("status", "Unlocked")])))
        let response = await api.request("POST", "/api/chargers/garage/unlock", body: #"{"connector":1}"#)
        #expect(response.text == #"{"status":"Unlocked"}"#)
        #expect(api.central.calls.map(\.payload) == [JSONObject([("connectorId", 1)])])
        let missing = await api.request("POST", "/api/chargers/garage/unlock", body: "{}")
        #expect(missing.text == #"{"error":"connector: expected an integer from 1 to 1000"}"#)
    }

    @Test func triggerSendsTheMessageAndConnector() async {
        let api = harness()
        let response = await api.request(
            "POST", "/api/chargers/garage/trigger", body: #"{"message":"StatusNotification","connector":1}"#)
        #expect(response.text == #"{"status":"Accepted"}"#)
        #expect(
            api.central.calls.map(\.payload) == [
                JSONObject([("requestedMessage", "StatusNotification"), ("connectorId", 1)])
            ])
        let bad = await api.request("POST", "/api/chargers/garage/trigger", body: #"{"message":"Reboot"}"#)
        #expect(
            bad.text
                == #"{"error":"message: expected one of \"BootNotification\", \"DiagnosticsStatusNotification\", "#
                + #"\"FirmwareStatusNotification\", \"Heartbeat\", \"MeterValues\", \"StatusNotification\""}"#)
    }

    // MARK: configuration

    @Test func configurationGetAsksForTheGivenKeysAndAnswersTheChargersPayload() async {
        let api = harness()
        let answer = JSONObject([
            ("configurationKey", [["key": "A", "readonly": false, "value": "1"]]), ("unknownKey", ["B"]),
        ])
        api.central.answer("GetConfiguration", with: .success(answer))
        let response = await api.request("GET", "/api/chargers/garage/configuration?key=A&key=B")
        #expect(response.text == #"{"configurationKey":[{"key":"A","readonly":false,"value":"1"}],"unknownKey":["B"]}"#)
        #expect(api.central.calls.map(\.payload) == [JSONObject([("key", ["A", "B"])])])
        #expect(api.records.recordedCommands.map(\.outcome) == [.answered])
        _ = await api.request("GET", "/api/chargers/garage/configuration")
        #expect(api.central.calls.last?.payload == JSONObject())
    }

    @Test func configurationPostSendsKeyAndValueAsText() async {
        let api = harness()
        let response = await api.request(
            "POST", "/api/chargers/garage/configuration", body: #"{"key":"MeterValueSampleInterval","value":30}"#)
        #expect(response.text == #"{"status":"Accepted"}"#)
        #expect(
            api.central.calls.map(\.payload) == [JSONObject([("key", "MeterValueSampleInterval"), ("value", "30")])])
        let missing = await api.request("POST", "/api/chargers/garage/configuration", body: #"{"value":"1"}"#)
        #expect(missing.text == #"{"error":"key: expected a non-empty string"}"#)
    }

    // MARK: generic call

    @Test func callSendsAValidatedPayloadAndAnswersTheChargersPayload() async {
        let api = harness()
        api.central.answer("GetCompositeSchedule", with: .success(JSONObject([("status", "Rejected")])))
        let response = await api.request(
            "POST", "/api/chargers/garage/call",
            body: #"{"action":"GetCompositeSchedule","payload":{"connectorId":1,"duration":3600}}"#)
        #expect(response.text == #"{"status":"Rejected"}"#)
        #expect(api.central.calls.map(\.action) == ["GetCompositeSchedule"])
        #expect(api.central.calls.map(\.payload) == [JSONObject([("connectorId", 1), ("duration", 3600)])])
        #expect(api.records.recordedCommands.first?.connectorId == 1)
    }

    @Test func callRefusesWhatTheSchemaRefusesNamingTheField() async {
        let api = harness()
        let missing = await api.request(
            "POST", "/api/chargers/garage/call", body: #"{"action":"GetCompositeSchedule","payload":{"connectorId":1}}"#
        )
        #expect(missing.status == .badRequest)
        #expect(missing.text == #"{"error":"payload.duration: required property is missing"}"#)
        let unknown = await api.request("POST", "/api/chargers/garage/call", body: #"{"action":"Fly"}"#)
        #expect(unknown.text == #"{"error":"action: unknown action \"Fly\""}"#)
        let wrongWay = await api.request("POST", "/api/chargers/garage/call", body: #"{"action":"Heartbeat"}"#)
        #expect(wrongWay.text == #"{"error":"action: Heartbeat is sent by a charge point, not to it"}"#)
        let notObject = await api.request(
            "POST", "/api/chargers/garage/call", body: #"{"action":"ClearCache","payload":[]}"#)
        #expect(notObject.text == #"{"error":"payload: expected a JSON object"}"#)
        #expect(api.central.calls.isEmpty)
    }

    @Test func callPassesACallErrorOnWithItsCode() async {
        let api = harness()
        api.central.answer(
            "ClearCache", with: .failure(.callError(code: .internalError, description: "", details: JSONObject())))
        let response = await api.request("POST", "/api/chargers/garage/call", body: #"{"action":"ClearCache"}"#)
        #expect(response.status.code == 502)
        #expect(response.text == #"{"error":"CALLERROR InternalError","code":"InternalError","description":""}"#)
    }

    // MARK: the charger's password

    private static let password = "0123456789abcdefABCD"
    private static let passwordHex = "3031323334353637383961626364656641424344"

    /// SPEC §13: the password goes out as ChangeConfiguration AuthorizationKey, hex-encoded (the
    /// whitepaper's A00.FR.205); once accepted it is kept as a hash, and the command's record shows
    /// no secret.
    @Test func changingThePasswordSendsItsHexAndKeepsAHashOnceAccepted() async {
        let api = harness()
        let response = await api.request(
            "POST", "/api/chargers/garage/password", body: #"{"password":"\#(Self.password)"}"#)
        #expect(response.status == .ok)
        #expect(response.text == #"{"status":"Accepted"}"#)
        let value = api.central.calls.first?.payload["value"]?.stringValue
        #expect(api.central.calls.first?.payload["key"] == .string("AuthorizationKey"))
        #expect(value == Self.passwordHex)
        #expect(api.dependencies.passwords.check(Array(Self.password.utf8), of: "garage"))
        #expect(!api.dependencies.passwords.check(Array("another password!!".utf8), of: "garage"))
        let recorded = api.records.recordedCommands.first?.payload
        #expect(recorded?["value"] == .string(OCPPSecrets.redacted))
        #expect(!"\(api.records.recordedCommands)".contains(Self.passwordHex))
    }

    @Test func aRejectedPasswordIsNotKept() async {
        let api = harness()
        api.central.answer("ChangeConfiguration", with: .success(JSONObject([("status", .string("Rejected"))])))
        let response = await api.request(
            "POST", "/api/chargers/garage/password", body: #"{"password":"\#(Self.password)"}"#)
        #expect(response.text == #"{"status":"Rejected"}"#)
        #expect(api.dependencies.passwords.entry("garage") == nil)
    }

    @Test func anEmptyBodyMakesARandomPasswordAndAnswersIt() async throws {
        let api = harness()
        let response = await api.request("POST", "/api/chargers/garage/password")
        let answer = try #require(try JSONParser.parse(response.text).objectValue)
        let password = try #require(answer["password"]?.stringValue)
        #expect(password.count == 20)
        #expect(password.allSatisfy { $0.isLetter || $0.isNumber })
        #expect(api.dependencies.passwords.check(Array(password.utf8), of: "garage"))
    }

    @Test(arguments: [
        (#"{"password":"short"}"#, "password: a password has 16 to 40 characters, not 5"),
        (
            #"{"password":"has a space in the middle"}"#,
            "password: a password has printable ASCII characters only, no spaces"
        ),
    ])
    func aPasswordOfTheWrongShapeIsA400NamingTheField(body: String, message: String) async {
        let api = harness()
        let response = await api.request("POST", "/api/chargers/garage/password", body: body)
        #expect(response.status == .badRequest)
        #expect(response.text == #"{"error":"\#(message)"}"#)
        #expect(api.central.calls.isEmpty)
    }

    @Test func aChargerThatIsNotConnectedGets409() async {
        let api = harness([APIHarness.plainCharger("garage", connected: false)])
        let response = await api.request(
            "POST", "/api/chargers/garage/password", body: #"{"password":"\#(Self.password)"}"#)
        #expect(response.status == .conflict)
    }

    /// ChangeConfiguration AuthorizationKey through `/configuration` and `/call` was refused; it now
    /// changes the password the same way, so the charger is not locked out.
    @Test(arguments: [
        (
            "/api/chargers/garage/call",
            #"{"action":"ChangeConfiguration","payload":{"key":"AuthorizationKey","value":"HEX"}}"#
        ),
        ("/api/chargers/garage/configuration", #"{"key":"AuthorizationKey","value":"HEX"}"#),
        ("/api/chargers/garage/configuration", #"{"key":"authorizationkey","value":"HEX"}"#),
    ])
    func changingTheAuthorizationKeyChangesThePassword(path: String, body: String) async {
        let api = harness()
        let hex = Self.passwordHex
        let response = await api.request("POST", path, body: body.replacingOccurrences(of: "HEX", with: hex))
        #expect(response.text == #"{"status":"Accepted"}"#)
        #expect(api.dependencies.passwords.check(Array(Self.password.utf8), of: "garage"))
    }

    @Test(arguments: [
        ("/api/chargers/garage/configuration", #"{"key":"AuthorizationKey","value":"0011"}"#, "value"),
        (
            "/api/chargers/garage/call",
            #"{"action":"ChangeConfiguration","payload":{"key":"AuthorizationKey","value":"not hex"}}"#,
            "payload.value"
        ),
    ])
    func anAuthorizationKeyThatIsNoPasswordIsA400(path: String, body: String, field: String) async {
        let api = harness()
        let response = await api.request("POST", path, body: body)
        #expect(response.status == .badRequest)
        #expect(response.text.contains(#"{"error":"\#(field): "#))
        #expect(api.central.calls.isEmpty)
        #expect(api.records.recordedCommands.isEmpty)
    }

    /// The whitepaper's AuthorizationKey holds 16 to 20 bytes: a longer password is refused before
    /// anything goes to a 1.6 charger, whichever way it comes.
    @Test(arguments: [
        ("/api/chargers/garage/password", #"{"password":"0123456789abcdefABCDE"}"#, "password"),
        (
            "/api/chargers/garage/configuration",
            #"{"key":"AuthorizationKey","value":"303132333435363738396162636465664142434445"}"#, "value"
        ),
        (
            "/api/chargers/garage/call",
            #"{"action":"ChangeConfiguration","payload":{"key":"AuthorizationKey","value":"303132333435363738396162636465664142434445"}}"#,
            "payload.value"
        ),
    ])
    func aPasswordLongerThanAnAuthorizationKeyHoldsIsA400(path: String, body: String, field: String) async {
        let api = harness()
        let response = await api.request("POST", path, body: body)
        #expect(response.status == .badRequest)
        #expect(
            response.text
                == #"{"error":"\#(field): an OCPP 1.6 charger's AuthorizationKey holds 16 to 20 bytes (security whitepaper), this password has 21"}"#
        )
        #expect(api.central.calls.isEmpty)
        #expect(api.dependencies.passwords.entry("garage") == nil)
    }
}
