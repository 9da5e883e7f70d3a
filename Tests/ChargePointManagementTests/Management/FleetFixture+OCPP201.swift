import Foundation
import OCPP201

@testable import ChargePointManagement

extension FleetFixture {
    /// Sends a 2.0.1 charging station's CALL and waits for the answer.
    func send(ocpp201 request: ChargingStationRequest, from chargerId: String = "CS1") async -> ChargerReply {
        await withCheckedContinuation { continuation in
            fleet.respond(toOCPP201: request, from: chargerId) { continuation.resume(returning: $0) }
        }
    }

    func ocpp201Status(evse: Int, connector: Int = 1, _ status: ConnectorStatusEnum, from chargerId: String = "CS1")
        async
    {
        _ = await send(
            ocpp201: .statusNotification(
                StatusNotificationRequest(timestamp: now, connectorStatus: status, evseId: evse, connectorId: connector)
            ),
            from: chargerId)
    }

    func transactionEvent(
        _ type: TransactionEventEnum, id: String = "TX-1", seqNo: Int, evse: Int? = 1,
        chargingState: ChargingStateEnum? = nil, idToken: String? = nil, remoteStartId: Int? = nil,
        meterValue: [OCPP201.MeterValue]? = nil, from chargerId: String = "CS1"
    ) async -> ChargerReply {
        await send(
            ocpp201: .transactionEvent(
                TransactionEventRequest(
                    eventType: type, meterValue: meterValue, timestamp: now, triggerReason: .chargingStateChanged,
                    seqNo: seqNo,
                    transactionInfo: Transaction(
                        transactionId: id, chargingState: chargingState, remoteStartId: remoteStartId),
                    evse: evse.map { EVSE(id: $0) }, idToken: idToken.map { IdToken(idToken: $0, type: .iso14443) })),
            from: chargerId)
    }
}
