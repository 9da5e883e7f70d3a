import ChargingModel
import Foundation
import JSON
import OCPP201
import Store
import Testing

@testable import ChargePointManagement

/// A 2.0.1 charging station's messages: answered like their 1.6 counterparts, recorded, and
/// turned into the model's words (docs/ocpp201.md).
@Suite struct OCPP201FleetTests {
    @Test func aBootIsAcceptedOnceStoredAndKeepsTheStationsIdentity() async throws {
        let fixture = try FleetFixture()
        let reply = await fixture.send(
            ocpp201: .bootNotification(
                BootNotificationRequest(
                    chargingStation: ChargingStation(
                        serialNumber: "SN-9", model: "Pulsar", modem: Modem(iccid: "8931"), vendorName: "Wallbox",
                        firmwareVersion: "6.2"),
                    reason: .powerUp)))
        guard case .confirm(let payload) = reply else {
            Issue.record("refused: \(reply)")
            return
        }
        let response = try BootNotificationResponse.decode(payload).value
        #expect(response.status == .accepted)
        #expect(response.interval == 120)
        let identity = try #require(fixture.fleet.snapshot("CS1")?.identity)
        #expect(
            identity
                == ChargerIdentity(
                    vendor: "Wallbox", model: "Pulsar", serialNumber: "SN-9", firmwareVersion: "6.2", iccid: "8931"))
        #expect(try await fixture.store.events(chargerId: "CS1").isEmpty)
    }

    @Test func anUnknownStationIsRejectedWhenOnlyListedOnesMayBoot() async throws {
        let fixture = try FleetFixture(allowUnknownChargers: false)
        let reply = await fixture.send(
            ocpp201: .bootNotification(
                BootNotificationRequest(
                    chargingStation: ChargingStation(model: "M", vendorName: "V"), reason: .powerUp)))
        guard case .confirm(let payload) = reply else {
            Issue.record("refused: \(reply)")
            return
        }
        #expect(try BootNotificationResponse.decode(payload).value.status == .rejected)
    }

    /// SPEC §12: Occupied with no authorised transaction is Preparing; the charging state while an
    /// authorised one is open; Finishing once it ended with the car still plugged in.
    @Test func anEVSEsStatusFollowsItsConnectorAndItsTransaction() async throws {
        let fixture = try FleetFixture()
        func status() -> ConnectorStatus? { fixture.fleet.snapshot("CS1")?.connector(1)?.status }
        await fixture.ocpp201Status(evse: 1, .available)
        #expect(status() == .available)
        await fixture.ocpp201Status(evse: 1, .occupied)
        #expect(status() == .preparing)
        // Opened by the station at plug-in, not authorised yet: still Preparing.
        _ = await fixture.transactionEvent(.started, seqNo: 0, chargingState: .evConnected)
        #expect(status() == .preparing)
        let authorised = await fixture.transactionEvent(
            .updated, seqNo: 1, chargingState: .charging, idToken: "04A2B3C4")
        #expect(status() == .charging)
        guard case .confirm(let payload) = authorised else {
            Issue.record("refused: \(authorised)")
            return
        }
        #expect(try TransactionEventResponse.decode(payload).value.idTokenInfo?.status == .accepted)
        _ = await fixture.transactionEvent(.updated, seqNo: 2, evse: nil, chargingState: .suspendedEVSE)
        #expect(status() == .suspendedEVSE)
        _ = await fixture.transactionEvent(.ended, seqNo: 3, evse: nil)
        #expect(status() == .finishing)
        await fixture.ocpp201Status(evse: 1, .available)
        #expect(status() == .available)
        let kinds = try await fixture.store.events(chargerId: "CS1").map(\.kind)
        #expect(kinds.filter { $0 == "TransactionEvent" }.count == 4)
    }

    @Test func aRemoteStartAuthorisesTheTransaction() async throws {
        let fixture = try FleetFixture()
        await fixture.ocpp201Status(evse: 2, .occupied)
        _ = await fixture.transactionEvent(
            .started, id: "R-1", seqNo: 0, evse: 2, chargingState: .charging, remoteStartId: 2)
        #expect(fixture.fleet.snapshot("CS1")?.connector(2)?.status == .charging)
    }

    @Test func meterValuesOfAnEVSEAreScaledByTheirMultiplier() async throws {
        let fixture = try FleetFixture()
        let value = OCPP201.MeterValue(
            sampledValue: [
                SampledValue(
                    value: 7.2, measurand: .powerActiveImport, unitOfMeasure: UnitOfMeasure(unit: "W", multiplier: 3))
            ], timestamp: fixture.now)
        _ = await fixture.send(ocpp201: .meterValues(MeterValuesRequest(evseId: 1, meterValue: [value])))
        let power = fixture.fleet.snapshot("CS1")?.connector(1)?.measurands[.powerActiveImport]
        #expect(power?.value == 7200)
        #expect(power?.unit == "W")
    }

    @Test func notificationsAreAcknowledgedAndRecorded() async throws {
        let fixture = try FleetFixture()
        let requests: [ChargingStationRequest] = [
            .securityEventNotification(
                SecurityEventNotificationRequest(type: "StartupOfTheDevice", timestamp: fixture.now)),
            .firmwareStatusNotification(FirmwareStatusNotificationRequest(status: .installed)),
            .reservationStatusUpdate(
                ReservationStatusUpdateRequest(reservationId: 3, reservationUpdateStatus: .expired)),
            .notifyReport(NotifyReportRequest(requestId: 1, generatedAt: fixture.now, seqNo: 0)),
            .dataTransfer(DataTransferRequest(vendorId: "com.example")),
        ]
        var replies: [ChargerReply] = []
        for request in requests { replies.append(await fixture.send(ocpp201: request)) }
        #expect(
            replies == [
                .confirm(JSONObject()), .confirm(JSONObject()), .confirm(JSONObject()), .confirm(JSONObject()),
                .confirm(DataTransferResponse(status: .accepted).jsonObject),
            ])
        let kinds = try await fixture.store.events(chargerId: "CS1").map(\.kind)
        #expect(Set(kinds) == Set(requests.map(\.action.rawValue)))
        #expect(fixture.fleet.snapshot("CS1")?.firmwareStatus == "Installed")
    }

    @Test func aCertificateRequestWithoutACertificateAuthorityIsRefusedInItsResponsesWords() async throws {
        let fixture = try FleetFixture()
        let reply = await fixture.send(ocpp201: .signCertificate(SignCertificateRequest(csr: "CSR")))
        #expect(reply == .confirm(SignCertificateResponse(status: .rejected).jsonObject))
    }
}
