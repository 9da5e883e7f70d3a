import ChargingModel
import Foundation
import JSON
import Logging
import OCPP
import Store

extension ChargerFleet {
    /// Answers one CALL from a charger: the work of `handle`, without a session, so that tests
    /// can drive it. `answer` is called once: for a message Ampwise records, only after the store
    /// has committed the record (docs/database.md: nothing acknowledged to a charger is lost when the
    /// process is killed); at once for Heartbeat and Authorize.
    public func respond(
        to request: ChargePointRequest, from chargerId: String, answer: @escaping @Sendable (ChargerReply) -> Void
    ) {
        let now = settings.now()
        noteSeen(chargerId, at: now)
        switch request {
        case .bootNotification(let boot):
            handleBoot(boot, from: chargerId, at: now, answer: answer)
        case .heartbeat:
            update(chargerId) { $0.base.lastHeartbeat = now }
            store.recordSeen(chargerId: chargerId, at: now, isHeartbeat: true)
            answer(.confirm(HeartbeatConfirmation(currentTime: now).jsonObject))
        case .statusNotification(let status):
            handleStatus(status, from: chargerId, at: now)
            answerOnceStored(StatusNotificationConfirmation().jsonObject, answer)
        case .meterValues(let meterValues):
            handleMeterValues(meterValues, from: chargerId, at: now)
            answerOnceStored(MeterValuesConfirmation().jsonObject, answer)
        case .startTransaction(let start):
            handleStart(start, from: chargerId, at: now, answer: answer)
        case .stopTransaction(let stop):
            handleStop(stop, from: chargerId, at: now, answer: answer)
        case .authorize(let authorize):
            let status = settings.authorizationStatus(for: authorize.idTag, at: chargerId)
            logger.info("\(chargerId) authorize \(authorize.idTag): \(status.rawValue)")
            answer(.confirm(AuthorizeConfirmation(idTagInfo: Self.idTagInfo(status)).jsonObject))
        case .dataTransfer(let transfer):
            record(request, from: chargerId, at: now)
            logger.info(
                "\(chargerId) data transfer from \(transfer.vendorId)"
                    + (transfer.messageId.map { " (message \($0))" } ?? "") + ": accepted")
            answerOnceStored(DataTransferConfirmation(status: .accepted).jsonObject, answer)
        case .diagnosticsStatusNotification(let notification):
            update(chargerId) { $0.base.diagnosticsStatus = notification.status.spelling }
            record(request, from: chargerId, at: now)
            logger.info("\(chargerId) diagnostics: \(notification.status.spelling)")
            answerOnceStored(DiagnosticsStatusNotificationConfirmation().jsonObject, answer)
        case .firmwareStatusNotification(let notification):
            update(chargerId) { $0.base.firmwareStatus = notification.status.spelling }
            record(request, from: chargerId, at: now)
            logger.info("\(chargerId) firmware: \(notification.status.spelling)")
            answerOnceStored(FirmwareStatusNotificationConfirmation().jsonObject, answer)
        case .securityEventNotification(let event):
            record(request, from: chargerId, at: now)
            logger.info("\(chargerId) security event \(event.type)" + (event.techInfo.map { ": \($0)" } ?? ""))
            answerOnceStored(SecurityEventNotificationConfirmation().jsonObject, answer)
        case .signCertificate(let signing):
            record(request, from: chargerId, at: now)
            handleSignCertificate(signing, from: chargerId, at: now, answer: answer)
        case .logStatusNotification(let notification):
            update(chargerId) { $0.base.diagnosticsStatus = notification.status.spelling }
            record(request, from: chargerId, at: now)
            logger.info(
                "\(chargerId) log upload: \(notification.status.spelling)"
                    + (notification.requestId.map { " (request \($0))" } ?? ""))
            answerOnceStored(LogStatusNotificationConfirmation().jsonObject, answer)
        case .signedFirmwareStatusNotification(let notification):
            update(chargerId) { $0.base.firmwareStatus = notification.status.spelling }
            record(request, from: chargerId, at: now)
            logger.info(
                "\(chargerId) signed firmware: \(notification.status.spelling)"
                    + (notification.requestId.map { " (request \($0))" } ?? ""))
            answerOnceStored(SignedFirmwareStatusNotificationConfirmation().jsonObject, answer)
        }
    }

    static func idTagInfo(_ status: IdTagStatus) -> IdTagInfo {
        IdTagInfo(status: AuthorizationStatus(spelling: status.rawValue))
    }

    /// Confirms with `payload` once what the message queued in the store is committed; when it
    /// could not be, answers InternalError, so that the charger sends the message again.
    func answerOnceStored(_ payload: JSONObject, _ answer: @escaping @Sendable (ChargerReply) -> Void) {
        store.whenQueuedWritesCommitted { committed in
            answer(committed ? .confirm(payload) : .fail(.internalError, "the message could not be stored"))
        }
    }

    /// Keeps a message as it came in `charger_events`, under its action's name.
    func record(_ request: ChargePointRequest, from chargerId: String, at now: Date) {
        store.recordEvent(
            ChargerEventRecord(
                chargerId: chargerId, kind: request.action.rawValue, payload: .object(request.payload), at: now))
    }

    /// Every message counts as a sign of life; the store hears of it at most once a minute.
    func noteSeen(_ chargerId: String, at now: Date) {
        let storeIt = update(chargerId) { state in
            state.base.lastSeen = now
            guard let stored = state.lastSeenStoredAt, now.timeIntervalSince(stored) < 60 else {
                state.lastSeenStoredAt = now
                return true
            }
            return false
        }
        if storeIt { store.recordSeen(chargerId: chargerId, at: now) }
    }

    // MARK: BootNotification

    func handleBoot(
        _ boot: BootNotificationRequest, from chargerId: String, at now: Date,
        answer: @escaping @Sendable (ChargerReply) -> Void
    ) {
        let interval = settings.heartbeatInterval
        admitBoot(ChargerIdentity(boot), from: chargerId, at: now, answer: answer) { accepted in
            BootNotificationConfirmation(
                status: accepted ? .accepted : .rejected, currentTime: now, interval: interval
            ).jsonObject
        }
    }

    /// A boot, whichever version: an unknown charger is rejected when `allowUnknownChargers` is
    /// false; else the identity is kept, the boot recorded, the charger accepted once the record
    /// is committed and the set-up queued. `response` writes the version's answer.
    func admitBoot(
        _ identity: ChargerIdentity, from chargerId: String, at now: Date,
        answer: @escaping @Sendable (ChargerReply) -> Void, response: @escaping @Sendable (Bool) -> JSONObject
    ) {
        guard settings.allowUnknownChargers || settings.isListedCharger(chargerId) else {
            logger.warning("\(chargerId) is not a configured charger: BootNotification rejected")
            answer(.confirm(response(false)))
            return
        }
        let bootNumber = update(chargerId) { state in
            state.base.identity = identity
            state.base.lastBoot = now
            state.bootedOnConnection = true
            state.bootCount += 1
            return state.bootCount
        }
        store.recordBoot(ChargerBoot(chargerId: chargerId, identity: identity, at: now))
        let serial = identity.serialNumber ?? identity.chargeBoxSerialNumber ?? "unknown"
        logger.info(
            "\(chargerId) booted: vendor \(identity.vendor), model \(identity.model), "
                + "firmware \(identity.firmwareVersion ?? "unknown"), serial \(serial)")
        store.whenQueuedWritesCommitted { [self] committed in
            guard committed else {
                answer(.fail(.internalError, "the boot could not be stored"))
                return
            }
            answer(.confirm(response(true)))
            emit(.booted(chargerId: chargerId))
            // After the answer: many chargers ignore calls until their boot is accepted.
            setups.enqueue { [self] in await runSetup(chargerId, boot: bootNumber) }
        }
    }

    // MARK: StatusNotification

    func handleStatus(_ notification: StatusNotificationRequest, from chargerId: String, at now: Date) {
        let status = ConnectorStatus(notification.status)
        let errorCode = notification.errorCode.spelling
        let changed = update(chargerId) { state in
            if notification.connectorId == 0 {
                let changed = state.base.status != status || state.base.errorCode != errorCode
                state.base.status = status
                state.base.errorCode = errorCode
                state.base.info = notification.info
                state.base.vendorErrorCode = notification.vendorErrorCode
                return changed
            }
            var connector = state[connector: notification.connectorId]
            let changed = connector.snapshot.status != status || connector.snapshot.errorCode != errorCode
            connector.snapshot.status = status
            connector.snapshot.errorCode = errorCode
            connector.snapshot.info = notification.info
            connector.snapshot.vendorErrorCode = notification.vendorErrorCode
            connector.snapshot.statusAt = notification.timestamp ?? now
            connector.noteStatus(status, at: now)
            state[connector: notification.connectorId] = connector
            return changed
        }
        store.recordStatus(
            StatusRecord(
                chargerId: chargerId, connectorId: notification.connectorId, status: notification.status.spelling,
                errorCode: errorCode,
                info: notification.info, vendorId: notification.vendorId,
                vendorErrorCode: notification.vendorErrorCode, chargerTimestamp: notification.timestamp,
                receivedAt: now))
        if changed {
            var details: [String] = []
            if errorCode != "NoError" { details.append("error \(errorCode)") }
            if let info = notification.info { details.append("info \(info)") }
            if let vendorError = notification.vendorErrorCode { details.append("vendor error \(vendorError)") }
            let subject = notification.connectorId == 0 ? "charger" : "connector \(notification.connectorId)"
            logger.info(
                "\(chargerId) \(subject): \(notification.status.spelling)"
                    + (details.isEmpty ? "" : " (\(details.joined(separator: ", ")))"))
        }
        emit(.status(chargerId: chargerId, connectorId: notification.connectorId))
    }
}
