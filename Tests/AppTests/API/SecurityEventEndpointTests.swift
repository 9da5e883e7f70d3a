import Chronology
import Foundation
import JSON
import Store
import Testing

@testable import App

/// `GET /api/security-events` (SPEC §13) and the timeline of `ampwise why`.
@Suite struct SecurityEventEndpointTests {
    static let event = ChargerEventRecord(
        id: 12, chargerId: "garage", kind: "SecurityEventNotification",
        payload: .object(
            JSONObject([
                ("type", .string("InvalidCentralSystemCertificate")), ("timestamp", .string("2026-11-25T07:59:59Z")),
                ("techInfo", .string("expired\nforged line")),
            ])), at: APIHarness.now)

    @Test func listsTheSecurityEventsOnlyWithTheFilters() async {
        let api = APIHarness()
        let dataTransfer = ChargerEventRecord(
            id: 13, chargerId: "garage", kind: "DataTransfer", payload: .object(JSONObject()), at: APIHarness.now)
        api.records.setEvents([Self.event, dataTransfer])
        let response = await api.request("GET", "/api/security-events?charger=garage&limit=5")
        #expect(response.status == .ok)
        #expect(
            response.text
                == #"[{"id":12,"at":"2026-11-25T08:00:00Z","charger":"garage","type":"InvalidCentralSystemCertificate","#
                + #""timestamp":"2026-11-25T07:59:59Z","techInfo":"expired\nforged line"}]"#)
        #expect(api.records.lastQuery == FakeRecords.Query(chargerId: "garage", connectorId: nil, since: nil, limit: 5))
    }

    @Test func whyShowsASecurityEventOnOneLine() {
        let text = AuditTimeline.render(
            chargerId: "garage", decisions: [], commands: [], securityEvents: [Self.event],
            timeZone: TimeZone(identifier: "UTC")!)
        let lines = text.split(separator: "\n")
        #expect(lines.count == 2)
        #expect(
            lines.last?.hasSuffix(#"garage  security event  InvalidCentralSystemCertificate: expired\nforged line"#)
                == true)
    }

    @Test func chargerEventsListEveryKindOrTheOneAskedFor() async {
        let api = APIHarness()
        let log = ChargerEventRecord(
            id: 14, chargerId: "garage", kind: "LogStatusNotification",
            payload: .object(JSONObject([("status", .string("Uploaded")), ("requestId", .number(7))])),
            at: APIHarness.now)
        api.records.setEvents([Self.event, log])
        let all = await api.request("GET", "/api/charger-events?charger=garage")
        #expect(all.status == .ok)
        #expect(all.text.contains(#""kind":"SecurityEventNotification""#))
        let logs = await api.request("GET", "/api/charger-events?kind=LogStatusNotification&limit=3")
        #expect(
            logs.text
                == #"[{"id":14,"at":"2026-11-25T08:00:00Z","charger":"garage","kind":"LogStatusNotification","#
                + #""payload":{"status":"Uploaded","requestId":7}}]"#)
        #expect(api.records.lastQuery == FakeRecords.Query(chargerId: nil, connectorId: nil, since: nil, limit: 3))
    }

    @Test func whyShowsTheSecurityExtensionsReports() {
        let refusal = ChargerEventRecord(
            id: 15, chargerId: "garage", kind: "CertificateSigningRefused",
            payload: .object(JSONObject([("reason", .string("the subject has no organizationName (O)"))])),
            at: APIHarness.now)
        let firmware = ChargerEventRecord(
            id: 16, chargerId: "garage", kind: "SignedFirmwareStatusNotification",
            payload: .object(JSONObject([("status", .string("InvalidSignature")), ("requestId", .number(11))])),
            at: APIHarness.now.addingTimeInterval(1))
        let text = AuditTimeline.render(
            chargerId: "garage", decisions: [], commands: [], securityEvents: [refusal, firmware],
            timeZone: TimeZone(identifier: "UTC")!)
        let lines = text.split(separator: "\n")
        #expect(lines.count == 3)
        #expect(lines[1].hasSuffix("garage  refused   SignCertificate: the subject has no organizationName (O)"))
        #expect(lines[2].hasSuffix("garage  reported  SignedFirmwareStatusNotification InvalidSignature (request 11)"))
    }
}
