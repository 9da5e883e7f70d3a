import Central
import ChargingModel
import Foundation
import JSON
import Logging
import OCPP
import OCPP201
import Store

// OCPP 2.0.1 charging stations (docs/ocpp201.md): every message a CSMS receives, answered like
// its 1.6 counterpart and converted into the model's words once. An EVSE is a connector of the
// model (`garage:1`).
extension ChargerFleet {
    public func handle(_ call: IncomingOCPP201Call, from session: ChargePointSession, reply: OCPP201CallReply) {
        respond(toOCPP201: call.request, from: call.chargerId) { answer in
            switch answer {
            case .confirm(let payload): reply.confirm(payload)
            // The fleet's failures (InternalError) are spelled alike in both versions.
            case .fail(let code, let description): reply.fail(OCPP201ErrorCode(received: code.rawValue), description)
            }
        }
    }

    /// Answers one CALL from a 2.0.1 charging station, as `respond(to:from:answer:)` does for 1.6:
    /// `answer` is called once, for a message Ampwise records only after the store committed it.
    public func respond(
        toOCPP201 request: ChargingStationRequest, from chargerId: String,
        answer: @escaping @Sendable (ChargerReply) -> Void
    ) {
        let now = settings.now()
        noteSeen(chargerId, at: now)
        switch request {
        case .bootNotification(let boot):
            let interval = settings.heartbeatInterval
            logger.info("\(chargerId) boot reason: \(boot.reason.spelling)")
            admitBoot(ChargerIdentity(boot.chargingStation), from: chargerId, at: now, answer: answer) { accepted in
                OCPP201.BootNotificationResponse(
                    currentTime: now, interval: interval, status: accepted ? .accepted : .rejected
                ).jsonObject
            }
        case .heartbeat:
            update(chargerId) { $0.base.lastHeartbeat = now }
            store.recordSeen(chargerId: chargerId, at: now, isHeartbeat: true)
            answer(.confirm(OCPP201.HeartbeatResponse(currentTime: now).jsonObject))
        case .statusNotification(let notification):
            handleOCPP201Status(notification, from: chargerId, at: now)
            answerOnceStored(OCPP201.StatusNotificationResponse().jsonObject, answer)
        case .meterValues(let message):
            handleMeterValues(
                OCPP.MeterValuesRequest(
                    connectorId: message.evseId, meterValue: message.meterValue.map(OCPP.MeterValue.init(ocpp201:))),
                from: chargerId, at: now)
            answerOnceStored(OCPP201.MeterValuesResponse().jsonObject, answer)
        case .authorize(let authorize):
            let status = settings.authorizationStatus(for: authorize.idToken.idToken, at: chargerId)
            logger.info("\(chargerId) authorize \(authorize.idToken.idToken): \(status.rawValue)")
            answer(.confirm(OCPP201.AuthorizeResponse(idTokenInfo: Self.idTokenInfo(status)).jsonObject))
        case .transactionEvent(let event):
            handleTransactionEvent(event, from: chargerId, at: now, answer: answer)
        case .dataTransfer(let transfer):
            record(request, from: chargerId, at: now)
            logger.info(
                "\(chargerId) data transfer from \(transfer.vendorId)"
                    + (transfer.messageId.map { " (message \($0))" } ?? "") + ": accepted")
            answerOnceStored(OCPP201.DataTransferResponse(status: .accepted).jsonObject, answer)
        case .firmwareStatusNotification(let notification):
            update(chargerId) { $0.base.firmwareStatus = notification.status.spelling }
            record(request, from: chargerId, at: now)
            logger.info("\(chargerId) firmware: \(notification.status.spelling)")
            answerOnceStored(OCPP201.FirmwareStatusNotificationResponse().jsonObject, answer)
        case .logStatusNotification(let notification):
            update(chargerId) { $0.base.diagnosticsStatus = notification.status.spelling }
            record(request, from: chargerId, at: now)
            logger.info("\(chargerId) log upload: \(notification.status.spelling)")
            answerOnceStored(OCPP201.LogStatusNotificationResponse().jsonObject, answer)
        case .securityEventNotification(let event):
            record(request, from: chargerId, at: now)
            logger.info("\(chargerId) security event \(event.type)" + (event.techInfo.map { ": \($0)" } ?? ""))
            answerOnceStored(OCPP201.SecurityEventNotificationResponse().jsonObject, answer)
        case .notifyEVChargingNeeds:
            // Ampwise limits charging from its rules, not from the car's stated needs: it will not
            // send a schedule for them (Rejected), and the station charges within the profiles.
            record(request, from: chargerId, at: now)
            answerOnceStored(OCPP201.NotifyEVChargingNeedsResponse(status: .rejected).jsonObject, answer)
        case .notifyEVChargingSchedule:
            record(request, from: chargerId, at: now)
            answerOnceStored(OCPP201.NotifyEVChargingScheduleResponse(status: .accepted).jsonObject, answer)
        case .signCertificate(let signing):
            record(request, from: chargerId, at: now)
            handleSignCertificate(signing, from: chargerId, at: now, answer: answer)
        case .get15118EVCertificate, .getCertificateStatus:
            // ISO 15118 certificates come from the V2G hierarchy and OCSP, not from Ampwise: refused, and recorded.
            record(request, from: chargerId, at: now)
            logger.warning(
                "\(chargerId) \(request.action.rawValue): refused, Ampwise handles no ISO 15118 certificates")
            answerOnceStored(Self.certificateRefusal(request), answer)
        case .notifyReport(let report):
            record(request, from: chargerId, at: now)
            handleNotifyReport(report, from: chargerId, answer: answer)
        case .clearedChargingLimit, .notifyChargingLimit, .notifyCustomerInformation, .notifyDisplayMessages,
            .notifyEvent, .notifyMonitoringReport, .publishFirmwareStatusNotification,
            .reportChargingProfiles, .reservationStatusUpdate:
            // Reports and notifications with an empty answer: kept in the audit trail as they came.
            record(request, from: chargerId, at: now)
            logger.info("\(chargerId) \(request.action.rawValue) recorded")
            answerOnceStored(JSONObject(), answer)
        }
    }

    static func idTokenInfo(_ status: IdTagStatus) -> OCPP201.IdTokenInfo {
        OCPP201.IdTokenInfo(status: AuthorizationStatusEnum(spelling: status.rawValue))
    }

    /// The refusal of a certificate request, in its response's words.
    static func certificateRefusal(_ request: ChargingStationRequest) -> JSONObject {
        switch request {
        case .get15118EVCertificate: OCPP201.Get15118EVCertificateResponse(status: .failed, exiResponse: "").jsonObject
        default: OCPP201.GetCertificateStatusResponse(status: .failed).jsonObject
        }
    }

    /// Keeps a 2.0.1 message as it was decoded in `charger_events`, under its action's name.
    func record(_ request: ChargingStationRequest, from chargerId: String, at now: Date) {
        store.recordEvent(
            ChargerEventRecord(
                chargerId: chargerId, kind: request.action.rawValue, payload: .object(request.request.jsonObject),
                at: now))
    }

    // MARK: StatusNotification

    func handleOCPP201Status(_ notification: OCPP201.StatusNotificationRequest, from chargerId: String, at now: Date) {
        let evseId = notification.evseId
        let changed: ConnectorStatus? = update(chargerId) { state in
            var connector = state[connector: evseId]
            connector.ocpp201.connectorStatuses[notification.connectorId] = notification.connectorStatus
            if notification.connectorStatus == .available { connector.ocpp201.endedWhileOccupied = false }
            connector.snapshot.statusAt = notification.timestamp
            let refreshed = Self.refreshOCPP201Status(&connector, at: now)
            state[connector: evseId] = connector
            return refreshed
        }
        store.recordStatus(
            StatusRecord(
                chargerId: chargerId, connectorId: evseId, status: notification.connectorStatus.spelling,
                errorCode: "NoError", info: "connector \(notification.connectorId)",
                chargerTimestamp: notification.timestamp, receivedAt: now))
        if let changed {
            logger.info(
                "\(chargerId) EVSE \(evseId) connector \(notification.connectorId): "
                    + "\(notification.connectorStatus.spelling) (\(changed.rawValue))")
        }
        emit(.status(chargerId: chargerId, connectorId: evseId))
    }

    /// Works out the EVSE's status in the rule vocabulary again; returns it when it changed.
    static func refreshOCPP201Status(_ connector: inout ConnectorTracking, at now: Date) -> ConnectorStatus? {
        guard let status = connector.ocpp201.status else { return nil }
        let changed = connector.snapshot.status != status
        connector.snapshot.status = status
        connector.noteStatus(status, at: now)
        return changed ? status : nil
    }
}
