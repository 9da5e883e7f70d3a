import ChargingModel
import Foundation
import JSON
import Logging
import OCPP
import OCPP201
import Store

// OCPP 2.0.1 transactions (docs/ocpp201.md, "Transactions"): TransactionEvent Started, Updated and
// Ended become the same store rows, trackers and changes as 1.6's StartTransaction, MeterValues and
// StopTransaction. The station's string id is kept beside Ampwise's integer id. A station sends
// one CALL at a time and each event is answered only once what it changed is committed, so the
// events of a transaction (offline-queued ones too) are handled in their order and none that was
// acknowledged is lost when Ampwise is killed.
extension ChargerFleet {
    /// What a TransactionEvent asks of the store, decided under the lock.
    enum TransactionEventStep {
        /// A transaction Ampwise does not know yet; `superseding`: another one still open on the EVSE;
        /// `remoteStart`: the RequestStartTransaction that caused it.
        case start(evseId: Int, superseding: SessionEnergyTracker?, remoteStart: PendingRemoteStart?)
        /// An event of an open transaction; `remoteStart`: the RequestStartTransaction it names, when
        /// the station opened the transaction before it was asked (at plug-in).
        case update(evseId: Int, transactionId: Int, remoteStart: PendingRemoteStart?)
        /// The end of an open transaction, with its energy worked out on a copy of its tracker.
        case stop(evseId: Int, transactionId: Int, energy: Double, meterStop: Double?)
        /// An Ended for a transaction Ampwise never saw start (or an event naming no EVSE).
        case unknown(evseId: Int?)

        var evseId: Int? {
            switch self {
            case .start(let evseId, _, _), .update(let evseId, _, _), .stop(let evseId, _, _, _): evseId
            case .unknown(let evseId): evseId
            }
        }
    }

    func handleTransactionEvent(
        _ event: OCPP201.TransactionEventRequest, from chargerId: String, at now: Date,
        answer: @escaping @Sendable (ChargerReply) -> Void
    ) {
        let info = event.transactionInfo
        let tokenStatus = event.idToken.map { settings.authorizationStatus(for: $0.idToken, at: chargerId) }
        let values = (event.meterValue ?? []).map(OCPP.MeterValue.init(ocpp201:))
        let normalised = MeterValueNormaliser.normalise(values)
        let register = normalised.sorted { $0.timestamp < $1.timestamp }
            .compactMap { $0[.energyActiveImportRegister]?.value }.last
        // The audit trail keeps every event as it came, with its seqNo and offline flag.
        record(.transactionEvent(event), from: chargerId, at: now)
        let (step, changed): (TransactionEventStep, ConnectorStatus?) = update(chargerId) { state in
            // The RequestStartTransaction this event answers (pending in the store across restarts).
            let remoteStart = info.remoteStartId.flatMap { state.takeRemoteStart($0, at: now) }
            // Only the first event of a transaction must name its EVSE.
            guard
                let evseId = event.evse?.id
                    ?? state.connectors.first(where: { $0.value.ocpp201.transactionId == info.transactionId })?.key
            else { return (.unknown(evseId: nil), nil) }
            var connector = state[connector: evseId]
            defer { state[connector: evseId] = connector }
            let open = connector.ocpp201.transactionId == info.transactionId ? connector.tracker : nil
            guard event.eventType != .ended else {
                guard var tracker = open else { return (.unknown(evseId: evseId), nil) }
                for value in normalised.sorted(by: { $0.timestamp < $1.timestamp }) { tracker.record(value) }
                tracker.end(meterStop: register, at: event.timestamp)
                let stop = TransactionEventStep.stop(
                    evseId: evseId, transactionId: tracker.transactionId, energy: tracker.sessionEnergy,
                    meterStop: register ?? tracker.lastRegister)
                return (stop, nil)
            }
            if connector.ocpp201.transactionId != info.transactionId {
                connector.ocpp201.transactionId = info.transactionId
                connector.ocpp201.authorised = false
                connector.ocpp201.chargingState = nil
                connector.ocpp201.endedWhileOccupied = false
            }
            // Authorised by an accepted token, or started by Ampwise's own RequestStartTransaction.
            if tokenStatus == .accepted || info.remoteStartId != nil { connector.ocpp201.authorised = true }
            if let chargingState = info.chargingState { connector.ocpp201.chargingState = chargingState }
            if let token = event.idToken, tokenStatus == .accepted, open != nil {
                connector.transactionIdTag = token.idToken
            } else if let remoteStart, event.idToken == nil, open != nil {
                // A transaction the station opened at plug-in, authorised by Ampwise's request.
                connector.transactionIdTag = remoteStart.idTag
            }
            let refreshed = Self.refreshOCPP201Status(&connector, at: now)
            if let open {
                return (.update(evseId: evseId, transactionId: open.transactionId, remoteStart: remoteStart), refreshed)
            }
            return (.start(evseId: evseId, superseding: connector.tracker, remoteStart: remoteStart), refreshed)
        }
        if let changed, let evseId = step.evseId { recordOCPP201Status(changed, of: evseId, on: chargerId, at: now) }
        let response = OCPP201.TransactionEventResponse(idTokenInfo: tokenStatus.map(Self.idTokenInfo)).jsonObject
        let summary =
            "transaction \(info.transactionId) \(event.eventType.spelling) (\(event.triggerReason.spelling), "
            + "seqNo \(event.seqNo)\(event.offline == true ? ", offline" : "")"
            + "\(info.remoteStartId.map { ", remoteStartId \($0)" } ?? ""))"
        switch step {
        case .unknown(let evseId):
            logger.warning("\(chargerId): \(summary) for a transaction Ampwise never saw start; recorded")
            var payload = JSONObject()
            payload["action"] = .string("TransactionEvent")
            payload["ocppTransactionId"] = .string(info.transactionId)
            if let evseId { payload["connectorId"] = .number(Double(evseId)) }
            store.recordEvent(
                ChargerEventRecord(
                    chargerId: chargerId, kind: "UnknownTransaction", payload: .object(payload), at: now))
            answerOnceStored(response, answer)
        case .update(let evseId, let transactionId, let remoteStart):
            logger.debug("\(chargerId) EVSE \(evseId): \(summary)")
            if !values.isEmpty {
                handleMeterValues(
                    OCPP.MeterValuesRequest(connectorId: evseId, transactionId: transactionId, meterValue: values),
                    from: chargerId, at: now)
            }
            guard let remoteStart else {
                answerOnceStored(response, answer)
                emit(.status(chargerId: chargerId, connectorId: evseId))
                return
            }
            // The station opened it at plug-in and names Ampwise's request in its next event (OCPP
            // 2.0.1 Part 2, F02.FR.01): kept with the session, in the store for after a restart.
            Task { [self] in
                do {
                    try await store.recordRemoteStart(
                        transactionId: transactionId, remoteStartId: remoteStart.remoteStartId,
                        idTag: event.idToken == nil ? remoteStart.idTag : nil)
                } catch {
                    logger.error("\(chargerId) EVSE \(evseId): \(summary) not stored: \(error)")
                    answer(.fail(.internalError, "the transaction could not be stored; please retry"))
                    return
                }
                logger.info(
                    "\(chargerId) EVSE \(evseId): \(summary), Ampwise transaction \(transactionId) started by "
                        + "RequestStartTransaction \(remoteStart.remoteStartId)")
                answerOnceStored(response, answer)
                emit(.status(chargerId: chargerId, connectorId: evseId))
            }
        case .start(let evseId, let superseding, let remoteStart):
            startOCPP201Transaction(
                event, evseId: evseId, superseding: superseding, meterStart: register,
                idTag: event.idToken?.idToken ?? remoteStart?.idTag, values: values, from: chargerId, at: now
            ) { [self] transactionId in
                guard let transactionId else {
                    answer(.fail(.internalError, "the transaction could not be stored; please retry"))
                    return
                }
                logger.info(
                    "\(chargerId) EVSE \(evseId): \(summary), Ampwise transaction \(transactionId)"
                        + (event.idToken.map { ", id token \($0.idToken) \(tokenStatus?.rawValue ?? "")" } ?? ""))
                answerOnceStored(response, answer)
                emit(.transactionStarted(chargerId: chargerId, connectorId: evseId, transactionId: transactionId))
            }
        case .stop(let evseId, let transactionId, let energy, let meterStop):
            let stop = TransactionStop(
                chargerId: chargerId, transactionId: transactionId, meterStop: Int((meterStop ?? 0).rounded()),
                stoppedAt: event.timestamp, reason: info.stoppedReason?.spelling, idTag: event.idToken?.idToken,
                energyWh: energy, receivedAt: now)
            Task { [self] in
                do {
                    try await store.stopTransaction(stop)
                } catch {
                    logger.error("\(chargerId): TransactionEvent Ended of \(info.transactionId) not stored: \(error)")
                    answer(.fail(.internalError, "the transaction could not be stored; please retry"))
                    return
                }
                store.recordMeterValues(
                    Self.records(normalised, chargerId: chargerId, connectorId: evseId, transactionId: transactionId))
                let reason = info.stoppedReason?.spelling ?? "Local"
                let changed: ConnectorStatus? = update(chargerId) { state in
                    var connector = state[connector: evseId]
                    if connector.tracker?.transactionId == transactionId { connector.close(reason: reason) }
                    if connector.ocpp201.transactionId == info.transactionId {
                        connector.ocpp201.transactionId = nil
                        connector.ocpp201.authorised = false
                        connector.ocpp201.chargingState = nil
                        connector.ocpp201.endedWhileOccupied = connector.ocpp201.connectorStatus == .occupied
                    }
                    let refreshed = Self.refreshOCPP201Status(&connector, at: now)
                    state[connector: evseId] = connector
                    state.noteStopped(transactionId)
                    return refreshed
                }
                if let changed { recordOCPP201Status(changed, of: evseId, on: chargerId, at: now) }
                logger.info(
                    "\(chargerId) EVSE \(evseId): \(summary), Ampwise transaction \(transactionId) stopped "
                        + "(\(reason)), \(Int(energy.rounded())) Wh")
                answerOnceStored(response, answer)
                emit(.transactionStopped(chargerId: chargerId, connectorId: evseId, transactionId: transactionId))
            }
        }
    }

    /// Stores a new 2.0.1 transaction (closing as superseded one the station forgot on the EVSE),
    /// opens its tracker, records the event's meter values with it, then calls `done` with
    /// Ampwise's id, or nil when it could not be stored. `idTag`: the event's id token, else the
    /// one of the RequestStartTransaction that caused it.
    private func startOCPP201Transaction(
        _ event: OCPP201.TransactionEventRequest, evseId: Int, superseding: SessionEnergyTracker?,
        meterStart: Double?, idTag: String?, values: [OCPP.MeterValue], from chargerId: String, at now: Date,
        done: @escaping @Sendable (Int?) -> Void
    ) {
        let info = event.transactionInfo
        // Energy counts from the register of the Started event; a station that sends none there
        // is counted from its first reading (docs/ocpp201.md), so no meterStart is stored.
        let record = TransactionStart(
            chargerId: chargerId, connectorId: evseId, idTag: idTag ?? "",
            meterStart: meterStart.map { Int($0.rounded()) }, startedAt: event.timestamp,
            reservationId: event.reservationId, receivedAt: now, ocppTransactionId: info.transactionId,
            remoteStartId: info.remoteStartId)
        let supersededStop = superseding?.estimatedStop(
            chargerId: chargerId, reason: TransactionRecord.supersededReason, latestEnd: event.timestamp,
            receivedAt: now)
        Task { [self] in
            let transactionId: Int
            do {
                if let supersededStop {
                    (transactionId, _) = try await store.startTransaction(record, superseding: supersededStop)
                } else {
                    transactionId = try await store.startTransaction(record)
                }
            } catch {
                logger.error(
                    "\(chargerId) EVSE \(evseId): TransactionEvent of \(info.transactionId) not stored: \(error)")
                done(nil)
                return
            }
            update(chargerId) { state in
                var connector = state[connector: evseId]
                if let superseding, connector.tracker?.transactionId == superseding.transactionId {
                    connector.close(reason: TransactionRecord.supersededReason)
                    state.noteStopped(superseding.transactionId)
                }
                connector.open(
                    SessionEnergyTracker(
                        transactionId: transactionId, meterStart: record.meterStart.map(Double.init),
                        startedAt: event.timestamp),
                    idTag: idTag, at: now)
                state[connector: evseId] = connector
            }
            if let superseding {
                logger.warning(
                    "\(chargerId) EVSE \(evseId): transaction \(superseding.transactionId) never ended; closed as "
                        + "\(TransactionRecord.supersededReason): transaction \(transactionId) replaces it")
                emit(
                    .transactionStopped(
                        chargerId: chargerId, connectorId: evseId, transactionId: superseding.transactionId))
            }
            if !values.isEmpty {
                handleMeterValues(
                    OCPP.MeterValuesRequest(connectorId: evseId, transactionId: transactionId, meterValue: values),
                    from: chargerId, at: now)
            }
            done(transactionId)
        }
    }

    /// Keeps an EVSE's status in the rule vocabulary in the status history when a TransactionEvent
    /// changed it: the charging state is not in any StatusNotification, and a restart reads it
    /// back from here (`restore`).
    func recordOCPP201Status(_ status: ConnectorStatus, of evseId: Int, on chargerId: String, at now: Date) {
        store.recordStatus(
            StatusRecord(
                chargerId: chargerId, connectorId: evseId, status: status.rawValue, info: "from TransactionEvent",
                receivedAt: now))
        logger.info("\(chargerId) EVSE \(evseId): \(status.rawValue)")
    }

    /// A new `remoteStartId` for a RequestStartTransaction to this station (the dispatcher asks it
    /// through `allocateRemoteStartIds`): the store's counter, so unique also across restarts, and
    /// remembered with the request's EVSE and id tag (in memory, and in the store for after a
    /// restart), so that the TransactionEvent carrying it is tied to the request. Nil when the store
    /// failed.
    func allocateRemoteStart(on chargerId: String, evseId: Int, idTag: String) async -> Int? {
        let now = settings.now()
        let remoteStartId: Int
        do {
            remoteStartId = try await store.nextRemoteStartId(
                chargerId: chargerId, evseId: evseId, idTag: idTag, at: now)
        } catch {
            logger.error("\(chargerId) EVSE \(evseId): no remoteStartId for RequestStartTransaction: \(error)")
            return nil
        }
        update(chargerId) { state in
            state.noteRemoteStart(
                PendingRemoteStart(
                    remoteStartId: remoteStartId, chargerId: chargerId, evseId: evseId, idTag: idTag, requestedAt: now))
        }
        return remoteStartId
    }

    /// The station's own id of one of Ampwise's open transactions (for RequestStopTransaction and
    /// TxProfile): the dispatcher asks it through `resolveOCPP201TransactionIds`.
    func ocpp201TransactionId(of transactionId: Int, on chargerId: String) -> String? {
        chargers.withLock { chargers in
            chargers[chargerId]?.connectors.values.first { $0.tracker?.transactionId == transactionId }?.ocpp201
                .transactionId
        }
    }
}
