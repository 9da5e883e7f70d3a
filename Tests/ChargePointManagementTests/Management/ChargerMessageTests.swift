import Foundation
import JSON
import OCPP
import Testing

@testable import ChargePointManagement

@Suite("Charger messages", .timeLimit(.minutes(1)))
struct ChargerMessageTests {
    @Test func bootIsAcceptedWithTheHeartbeatIntervalAndKeepsTheIdentity() async throws {
        let fixture = try FleetFixture()
        let reply = await fixture.boot()
        #expect(
            reply
                == .confirm(
                    BootNotificationConfirmation(status: .accepted, currentTime: FleetFixture.start, interval: 120)
                        .jsonObject))
        let snapshot = try #require(fixture.fleet.snapshot("CP1"))
        let identity = try #require(snapshot.identity)
        #expect(identity.vendor == "Alfen")
        #expect(identity.model == "Eve")
        #expect(identity.serialNumber == "SN-7")
        #expect(identity.firmwareVersion == "6.1.2")
        #expect(identity.iccid == "8931")
        #expect(identity.meterType == "ABB")
        #expect(snapshot.lastBoot == FleetFixture.start)
        let record = try #require(try await fixture.store.charger(id: "CP1"))
        #expect(record.identity?.vendor == "Alfen")
        #expect(record.identity?.firmwareVersion == "6.1.2")
    }

    @Test func bootFromAnUnlistedChargerIsRejectedWhenUnknownChargersAreNotAllowed() async throws {
        let fixture = try FleetFixture(allowUnknownChargers: false)
        let rejected = await fixture.boot("STRANGER")
        #expect(
            rejected
                == .confirm(
                    BootNotificationConfirmation(status: .rejected, currentTime: FleetFixture.start, interval: 120)
                        .jsonObject))
        #expect(fixture.fleet.snapshot("STRANGER")?.identity == nil)
        let accepted = await fixture.boot("LISTED")
        guard case .confirm(let payload) = accepted else { Issue.record("no answer"); return }
        #expect(payload["status"] == .string("Accepted"))
    }

    @Test func heartbeatAnswersTheTimeAndIsRemembered() async throws {
        let fixture = try FleetFixture()
        fixture.advance(42)
        let reply = await fixture.send(.heartbeat(HeartbeatRequest()))
        #expect(reply == .confirm(HeartbeatConfirmation(currentTime: fixture.now).jsonObject))
        #expect(fixture.fleet.snapshot("CP1")?.lastHeartbeat == fixture.now)
        #expect(try await fixture.store.charger(id: "CP1")?.lastHeartbeatAt == fixture.now)
    }

    @Test func statusNotificationsUpdateChargerAndConnectorAndKeepHistory() async throws {
        let fixture = try FleetFixture()
        await fixture.status(connector: 0, .available)
        await fixture.status(connector: 1, .available)
        let reply = await fixture.send(
            .statusNotification(
                StatusNotificationRequest(
                    connectorId: 1, errorCode: .groundFailure, info: "RCD tripped", status: .faulted,
                    vendorId: "Alfen", vendorErrorCode: "E42")))
        #expect(reply == .confirm(JSONObject()))
        let snapshot = try #require(fixture.fleet.snapshot("CP1"))
        #expect(snapshot.status == .available)
        #expect(snapshot.errorCode == "NoError")
        let connector = try #require(snapshot.connector(1))
        #expect(connector.status == .faulted)
        #expect(connector.errorCode == "GroundFailure")
        #expect(connector.info == "RCD tripped")
        #expect(connector.vendorErrorCode == "E42")
        let history = try await fixture.store.statusHistory(chargerId: "CP1", connectorId: 1)
        #expect(history.map(\.status) == ["Faulted", "Available"])
        #expect(history.first?.vendorErrorCode == "E42")
    }

    @Test func authorizeAnswersTheConfiguredStatusesAndAlwaysAcceptsTheChargersOwnTag() async throws {
        let policy = IdTagPolicy(
            defaultStatus: .invalid, tags: ["04A2B3C4": .accepted, "DEADBEEF": .blocked, "garage": .blocked])
        let fixture = try FleetFixture(idTags: policy, chargerIdTag: "garage")
        var statuses: [String] = []
        for tag in ["04a2b3c4", "DEADBEEF", "UNKNOWN", "GARAGE"] {
            let reply = await fixture.send(.authorize(AuthorizeRequest(idTag: tag)))
            guard case .confirm(let payload) = reply, case .object(let info) = payload["idTagInfo"],
                case .string(let status) = info["status"]
            else { Issue.record("no idTagInfo for \(tag)"); continue }
            statuses.append(status)
        }
        #expect(statuses == ["Accepted", "Blocked", "Invalid", "Accepted"])
    }

    @Test func dataTransferIsAcceptedAndRecorded() async throws {
        let fixture = try FleetFixture()
        let reply = await fixture.send(
            .dataTransfer(DataTransferRequest(vendorId: "com.alfen", messageId: "diag", data: "{\"x\":1}")))
        #expect(reply == .confirm(DataTransferConfirmation(status: .accepted).jsonObject))
        let events = try await fixture.store.events(chargerId: "CP1", kind: "DataTransfer")
        #expect(events.count == 1)
        #expect(
            events.first?.payload
                == DataTransferRequest(vendorId: "com.alfen", messageId: "diag", data: "{\"x\":1}").json)
    }

    @Test func securityFirmwareAndDiagnosticsNotificationsAreAcknowledgedAndRecorded() async throws {
        let fixture = try FleetFixture()
        let security = await fixture.send(
            .securityEventNotification(
                SecurityEventNotificationRequest(type: "StartupOfTheDevice", timestamp: FleetFixture.start)))
        let firmware = await fixture.send(
            .firmwareStatusNotification(FirmwareStatusNotificationRequest(status: .installed)))
        let diagnostics = await fixture.send(
            .diagnosticsStatusNotification(DiagnosticsStatusNotificationRequest(status: .uploaded)))
        #expect(
            [security, firmware, diagnostics] == [
                .confirm(JSONObject()), .confirm(JSONObject()), .confirm(JSONObject()),
            ])
        let kinds = try await fixture.store.events(chargerId: "CP1").map(\.kind)
        #expect(
            Set(kinds) == ["SecurityEventNotification", "FirmwareStatusNotification", "DiagnosticsStatusNotification"])
        let snapshot = try #require(fixture.fleet.snapshot("CP1"))
        #expect(snapshot.firmwareStatus == "Installed")
        #expect(snapshot.diagnosticsStatus == "Uploaded")
    }

    @Test func connectingAgainCountsAsAReconnection() async throws {
        let fixture = try FleetFixture()
        fixture.fleet.connected("CP1")
        #expect(fixture.fleet.snapshot("CP1")?.connected == true)
        #expect(fixture.fleet.snapshot("CP1")?.reconnects == 0)
        fixture.fleet.disconnected("CP1")
        #expect(fixture.fleet.snapshot("CP1")?.connected == false)
        fixture.fleet.connected("CP1")
        #expect(fixture.fleet.snapshot("CP1")?.reconnects == 1)
        let kinds = try await fixture.store.events(chargerId: "CP1").map(\.kind)
        #expect(kinds.sorted() == ["Connected", "Connected", "Disconnected"])
    }

    @Test func anEarlierConnectionThatClosesAfterTheNewOneLeavesTheChargerConnected() async throws {
        let fixture = try FleetFixture()
        fixture.fleet.connected("CP1")
        // The charger reconnects (a second event loop takes the new connection) before the first
        // connection's close has been handled.
        fixture.fleet.connected("CP1")
        fixture.fleet.disconnected("CP1", ifCurrent: { $0.connectionCount == 1 })
        #expect(fixture.fleet.snapshot("CP1")?.connected == true)
        fixture.fleet.disconnected("CP1", ifCurrent: { $0.connectionCount == 2 })
        #expect(fixture.fleet.snapshot("CP1")?.connected == false)
        let kinds = try await fixture.store.events(chargerId: "CP1").map(\.kind)
        #expect(kinds.sorted() == ["Connected", "Connected", "Disconnected"])
    }

    @Test func meterValuesOnConnectorZeroAreTheChargersOwn() async throws {
        let fixture = try FleetFixture()
        _ = await fixture.meterValues(
            connector: 0, transactionId: nil, at: 5,
            [SampledValue(value: "1.5", measurand: .powerActiveImport, unit: .kilowatts)])
        let snapshot = try #require(fixture.fleet.snapshot("CP1"))
        #expect(snapshot.measurands[.powerActiveImport]?.value == 1500)
        #expect(snapshot.connectors.isEmpty)
    }
}
