import ChargingModel
import Foundation
import JSON
import Logging
import OCPP
import Store

extension ChargerFleet {
    /// What a MeterValues message belonged to.
    enum MeterValuesOwner {
        case openTransaction
        case stoppedTransaction
        case unknownTransaction(Int)
        case noTransaction
    }

    // MARK: MeterValues

    func handleMeterValues(_ message: MeterValuesRequest, from chargerId: String, at now: Date) {
        let normalised = MeterValueNormaliser.normalise(message.meterValue)
        for warning in normalised.flatMap(\.warnings) {
            logger.warning("\(chargerId) connector \(message.connectorId) MeterValues: \(warning)")
        }
        store.recordMeterValues(
            Self.records(
                normalised, chargerId: chargerId, connectorId: message.connectorId,
                transactionId: message.transactionId))
        let owner = update(chargerId) { state in
            if message.connectorId == 0 {
                Self.merge(normalised, into: &state.base.measurands)
            } else {
                Self.merge(normalised, into: &state[connector: message.connectorId].snapshot.measurands)
            }
            return Self.feed(
                normalised, transactionId: message.transactionId, connectorId: message.connectorId,
                into: &state)
        }
        if case .unknownTransaction(let transactionId) = owner {
            logger.warning(
                "\(chargerId) connector \(message.connectorId): MeterValues for transaction \(transactionId), "
                    + "which is not open; recorded")
            recordUnknownTransaction(
                transactionId, action: "MeterValues", connectorId: message.connectorId,
                chargerId: chargerId, at: now)
        }
        emit(.meterValues(chargerId: chargerId, connectorId: message.connectorId))
    }

    /// Gives the energy register values to the open transaction they belong to. Values for a
    /// transaction that has stopped never reopen it.
    static func feed(
        _ values: [NormalisedMeterValue], transactionId: Int?, connectorId: Int, into state: inout ChargerState
    ) -> MeterValuesOwner {
        if let transactionId {
            guard let owner = state.connectorId(ofTransaction: transactionId) else {
                return state.recentlyStopped.contains(transactionId)
                    ? .stoppedTransaction : .unknownTransaction(transactionId)
            }
            for value in values.sorted(by: { $0.timestamp < $1.timestamp }) {
                state.connectors[owner]?.tracker?.record(value)
            }
            return .openTransaction
        }
        // No transaction id (some chargers never send one): the connector's open transaction,
        // for values sampled after it started.
        guard let tracker = state.connectors[connectorId]?.tracker else { return .noTransaction }
        for value in values.sorted(by: { $0.timestamp < $1.timestamp }) where value.timestamp >= tracker.startedAt {
            state.connectors[connectorId]?.tracker?.record(value)
        }
        return .openTransaction
    }

    static func merge(_ values: [NormalisedMeterValue], into measurands: inout [Measurand: MeasurandValue]) {
        for value in values {
            for reading in value.readings.values {
                let name = reading.measurand
                // An older value arriving late (a charger emptying its queue) does not hide a newer one.
                if let current = measurands[name], current.at > reading.timestamp { continue }
                var phases: [String: Double] = [:]
                for sample in reading.phases { if let phase = sample.phase { phases[phase.spelling] = sample.value } }
                measurands[name] = MeasurandValue(
                    value: reading.value, unit: reading.unit.rawValue, at: reading.timestamp, phases: phases)
            }
        }
    }

    static func records(
        _ values: [NormalisedMeterValue], chargerId: String, connectorId: Int, transactionId: Int?
    ) -> [MeterValueRecord] {
        values.flatMap { value in
            value.samples.map { sample in
                MeterValueRecord(
                    chargerId: chargerId, connectorId: connectorId, transactionId: transactionId,
                    at: sample.timestamp, measurand: sample.measurand.spelling, phase: sample.phase?.spelling,
                    location: sample.location?.spelling, context: sample.context.spelling, value: sample.value,
                    unit: sample.unit.rawValue)
            }
        }
    }

    func recordUnknownTransaction(
        _ transactionId: Int, action: String, connectorId: Int?, chargerId: String, at now: Date
    ) {
        var payload = JSONObject()
        payload["action"] = .string(action)
        payload["transactionId"] = .number(Double(transactionId))
        if let connectorId { payload["connectorId"] = .number(Double(connectorId)) }
        store.recordEvent(
            ChargerEventRecord(chargerId: chargerId, kind: "UnknownTransaction", payload: .object(payload), at: now))
    }

    // MARK: StartTransaction

    func handleStart(
        _ start: StartTransactionRequest, from chargerId: String, at now: Date,
        answer: @escaping @Sendable (ChargerReply) -> Void
    ) {
        let status = settings.authorizationStatus(for: start.idTag, at: chargerId)
        // A charger that lost the answer (its connection dropped) sends the same StartTransaction
        // again: it gets the same id, not a second transaction that would stay open for ever.
        // Any other transaction still open on the connector was forgotten by the charger (it
        // rebooted): `open` is closed as superseded.
        let (repeated, open): (Int?, SessionEnergyTracker?) = chargers.withLock { chargers in
            guard let connector = chargers[chargerId]?.connectors[start.connectorId], let tracker = connector.tracker
            else { return (nil, nil) }
            guard tracker.meterStart == Double(start.meterStart), tracker.startedAt == start.timestamp,
                connector.transactionIdTag == start.idTag
            else { return (nil, tracker) }
            return (tracker.transactionId, nil)
        }
        if let repeated {
            logger.info(
                "\(chargerId) connector \(start.connectorId): StartTransaction repeated; "
                    + "answered with its transaction \(repeated) again")
            answer(
                .confirm(
                    StartTransactionConfirmation(idTagInfo: Self.idTagInfo(status), transactionId: repeated).jsonObject)
            )
            return
        }
        let record = TransactionStart(
            chargerId: chargerId, connectorId: start.connectorId, idTag: start.idTag, meterStart: start.meterStart,
            startedAt: start.timestamp, reservationId: start.reservationId, receivedAt: now)
        let supersededStop = open?.estimatedStop(
            chargerId: chargerId, reason: TransactionRecord.supersededReason, latestEnd: start.timestamp,
            receivedAt: now)
        Task { [self] in
            let transactionId: Int
            var superseded: TransactionStopResult?
            do {
                if let supersededStop {
                    (transactionId, superseded) = try await store.startTransaction(record, superseding: supersededStop)
                } else {
                    transactionId = try await store.startTransaction(record)
                }
            } catch {
                logger.error("\(chargerId) connector \(start.connectorId): StartTransaction not stored: \(error)")
                answer(.fail(.internalError, "the transaction could not be stored; please retry"))
                return
            }
            update(chargerId) { state in
                var connector = state[connector: start.connectorId]
                if let open, connector.tracker?.transactionId == open.transactionId {
                    connector.close(reason: TransactionRecord.supersededReason)
                    state.noteStopped(open.transactionId)
                }
                connector.open(
                    SessionEnergyTracker(
                        transactionId: transactionId, meterStart: Double(start.meterStart), startedAt: start.timestamp),
                    idTag: start.idTag, at: now)
                state[connector: start.connectorId] = connector
            }
            if let superseded, superseded.wasOpen {
                let energy = superseded.transaction.energyWh.map { "\(Int($0.rounded())) Wh" } ?? "unknown energy"
                logger.warning(
                    "\(chargerId) connector \(start.connectorId): transaction \(superseded.transaction.id) never "
                        + "stopped; closed as \(TransactionRecord.supersededReason) (\(energy), from its last meter "
                        + "value): transaction \(transactionId) replaces it")
                emit(
                    .transactionStopped(
                        chargerId: chargerId, connectorId: start.connectorId,
                        transactionId: superseded.transaction.id))
            }
            logger.info(
                "\(chargerId) connector \(start.connectorId): transaction \(transactionId) started, id tag "
                    + "\(start.idTag) \(status.rawValue), meter start \(start.meterStart) Wh")
            answer(
                .confirm(
                    StartTransactionConfirmation(idTagInfo: Self.idTagInfo(status), transactionId: transactionId)
                        .jsonObject))
            emit(
                .transactionStarted(chargerId: chargerId, connectorId: start.connectorId, transactionId: transactionId))
        }
    }

    // MARK: StopTransaction

    func handleStop(
        _ stop: StopTransactionRequest, from chargerId: String, at now: Date,
        answer: @escaping @Sendable (ChargerReply) -> Void
    ) {
        let normalised = MeterValueNormaliser.normalise(stop.transactionData ?? [])
        // The energy from the tracker, worked out on a copy: the state changes once the stop is stored.
        let (openOn, energy): (Int?, Double?) = chargers.withLock { chargers in
            guard let state = chargers[chargerId],
                let connectorId = state.connectorId(ofTransaction: stop.transactionId),
                var tracker = state.connectors[connectorId]?.tracker
            else { return (nil, nil) }
            for value in normalised.sorted(by: { $0.timestamp < $1.timestamp }) { tracker.record(value) }
            tracker.end(meterStop: Double(stop.meterStop), at: stop.timestamp)
            return (connectorId, tracker.sessionEnergy)
        }
        let record = TransactionStop(
            chargerId: chargerId, transactionId: stop.transactionId, meterStop: stop.meterStop,
            stoppedAt: stop.timestamp, reason: stop.reason?.spelling, idTag: stop.idTag, energyWh: energy,
            receivedAt: now)
        Task { [self] in
            let result: TransactionStopResult
            do {
                result = try await store.stopTransaction(record)
            } catch {
                logger.error("\(chargerId): StopTransaction \(stop.transactionId) not stored: \(error)")
                answer(.fail(.internalError, "the transaction could not be stored; please retry"))
                return
            }
            let connectorId = openOn ?? result.transaction.connectorId
            store.recordMeterValues(
                Self.records(
                    normalised, chargerId: chargerId, connectorId: connectorId ?? 0,
                    transactionId: stop.transactionId))
            let reason = stop.reason?.spelling ?? "Local"
            update(chargerId) { state in
                if let connectorId, state.connectors[connectorId]?.tracker?.transactionId == stop.transactionId {
                    state.connectors[connectorId]?.close(reason: reason)
                } else if let connectorId, result.wasOpen, !result.replacedEstimate {
                    state[connector: connectorId].snapshot.lastStopReason = reason
                }
                state.noteStopped(stop.transactionId)
            }
            let energyText = result.transaction.energyWh.map { "\(Int($0.rounded())) Wh" } ?? "unknown energy"
            if !result.wasKnown {
                logger.warning(
                    "\(chargerId): StopTransaction for unknown transaction \(stop.transactionId) "
                        + "(\(reason), \(energyText)); recorded")
                recordUnknownTransaction(
                    stop.transactionId, action: "StopTransaction", connectorId: nil, chargerId: chargerId, at: now)
            } else if result.replacedEstimate {
                logger.info(
                    "\(chargerId): transaction \(stop.transactionId), closed by Ampwise before, stopped by the charger "
                        + "(\(reason)), \(energyText): its figures replace the estimate")
            } else if result.wasOpen {
                let duration = result.transaction.durationSeconds.map { " in \(Int($0.rounded())) s" } ?? ""
                logger.info(
                    "\(chargerId) connector \(connectorId ?? 0): transaction \(stop.transactionId) stopped "
                        + "(\(reason)), \(energyText)\(duration)")
            } else {
                logger.info("\(chargerId): transaction \(stop.transactionId) was already stopped; answered again")
            }
            answer(
                .confirm(
                    StopTransactionConfirmation(
                        idTagInfo: stop.idTag.map {
                            Self.idTagInfo(settings.authorizationStatus(for: $0, at: chargerId))
                        }
                    ).jsonObject))
            emit(
                .transactionStopped(
                    chargerId: chargerId, connectorId: connectorId ?? 0, transactionId: stop.transactionId))
        }
    }
}
