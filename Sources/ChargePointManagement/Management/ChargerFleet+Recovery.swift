import ChargingModel
import Foundation
import Logging
import OCPP
import OCPP201
import Store

extension ChargerFleet {
    /// Loads what the store knows (chargers, their configuration, connector statuses, open
    /// transactions with their energy so far, the 2.0.1 RequestStartTransactions still waiting for
    /// their transaction) so that Ampwise carries on after a restart: a charger that reconnects
    /// continues its session, its StopTransaction closes it with the right energy, and a 2.0.1
    /// station's Started event names the request that caused it. Call it once at start-up, before
    /// the central system starts.
    public func restore() async throws {
        let records = try await store.chargers()
        let statuses = try await store.connectorStatuses()
        let open = try await store.openTransactions()
        let remoteStarts = try await store.pendingRemoteStarts(
            requestedSince: settings.now().addingTimeInterval(-ChargerState.remoteStartExpiry))
        var configurations: [String: [ConfigurationEntry]] = [:]
        var stopReasons: [String: [Int: String]] = [:]
        for record in records {
            configurations[record.id] = try await store.configuration(chargerId: record.id)
            // Newest first: the first stopped transaction of a connector gives its last stop reason.
            for transaction in try await store.transactions(chargerId: record.id, limit: 50)
            where !transaction.isOpen && !transaction.wasUnknownAtStop {
                guard let connectorId = transaction.connectorId, stopReasons[record.id]?[connectorId] == nil else {
                    continue
                }
                stopReasons[record.id, default: [:]][connectorId] = transaction.stopReason ?? "Local"
            }
        }
        var trackers: [Int: SessionEnergyTracker] = [:]
        for transaction in open {
            trackers[transaction.id] = try await storedTracker(of: transaction)
        }
        let now = settings.now()
        chargers.withLock { chargers in
            for record in records {
                var state = chargers[record.id] ?? ChargerState(id: record.id)
                state.base.identity = record.identity
                state.base.features = record.features
                state.base.numberOfConnectors = record.connectorCount
                state.base.lastBoot = record.lastBootAt
                state.base.lastHeartbeat = record.lastHeartbeatAt
                state.base.lastSeen = record.lastSeenAt
                var configuration: [String: String] = [:]
                for entry in configurations[record.id] ?? [] { configuration[entry.key] = entry.value ?? "" }
                state.base.configuration = configuration
                // A 2.0.1 station's device model names them `Component.Variable`.
                if let rateUnits = configuration[DeviceModelVariable.rateUnit] {
                    state.base.limitUnit = LimitUnit(ocpp201RateUnits: rateUnits)
                } else {
                    state.base.limitUnit = LimitUnit(ocpp16AllowedUnits: configuration[ConfigurationKey.rateUnit])
                }
                state.base.maxStackLevel =
                    (configuration[ConfigurationKey.maxStackLevel]
                    ?? configuration[DeviceModelVariable.stackLevel]).flatMap {
                        Int($0.trimmingCharacters(in: .whitespaces))
                    }
                state.ensureConnectors(record.connectorCount ?? 0)
                for (connectorId, reason) in stopReasons[record.id] ?? [:] {
                    state[connector: connectorId].snapshot.lastStopReason = reason
                }
                chargers[record.id] = state
            }
            for status in statuses {
                var state = chargers[status.chargerId] ?? ChargerState(id: status.chargerId)
                // Stored as the charger spelled it; read as the model's status, as it came in.
                let connectorStatus = ConnectorStatus(ChargePointStatus(spelling: status.status))
                if status.connectorId == 0 {
                    state.base.status = connectorStatus
                    state.base.errorCode = status.errorCode
                    state.base.info = status.info
                    state.base.vendorErrorCode = status.vendorErrorCode
                } else {
                    state[connector: status.connectorId].snapshot.status = connectorStatus
                    state[connector: status.connectorId].snapshot.errorCode = status.errorCode
                    state[connector: status.connectorId].snapshot.info = status.info
                    state[connector: status.connectorId].snapshot.vendorErrorCode = status.vendorErrorCode
                    state[connector: status.connectorId].snapshot.statusAt =
                        status.chargerTimestamp ?? status.receivedAt
                    // A status only 2.0.1 spells (Occupied): the EVSE's status is worked out again
                    // below, with its open transaction.
                    if ChargePointStatus.known(status.status) == nil,
                        let evseStatus = ConnectorStatusEnum.known(status.status)
                    {
                        state[connector: status.connectorId].ocpp201.connectorStatuses[1] = evseStatus
                        _ = Self.refreshOCPP201Status(&state[connector: status.connectorId], at: now)
                    }
                }
                chargers[status.chargerId] = state
            }
            for transaction in open {
                guard let connectorId = transaction.connectorId, let tracker = trackers[transaction.id] else {
                    continue
                }
                var state = chargers[transaction.chargerId] ?? ChargerState(id: transaction.chargerId)
                // The newest open transaction of a connector wins (`open` is oldest first).
                state[connector: connectorId].open(tracker, idTag: transaction.idTag, at: now)
                if let ocppTransactionId = transaction.ocppTransactionId {
                    Self.restoreOCPP201Transaction(ocppTransactionId, on: &state[connector: connectorId], at: now)
                }
                chargers[transaction.chargerId] = state
            }
            for remoteStart in remoteStarts {
                chargers[remoteStart.chargerId, default: ChargerState(id: remoteStart.chargerId)]
                    .noteRemoteStart(remoteStart)
            }
        }
        logger.info("restored \(records.count) chargers and \(open.count) open transactions from \(store.path)")
        if !remoteStarts.isEmpty {
            logger.info("\(remoteStarts.count) RequestStartTransactions still wait for their TransactionEvent")
        }
    }

    /// The energy tracker of a stored open transaction, fed the energy register values stored
    /// for it; `nil` for a row with no start (first heard of in a StopTransaction). A row started
    /// without a meterStart (2.0.1) counts again from the first register value stored for it.
    func storedTracker(of transaction: TransactionRecord) async throws -> SessionEnergyTracker? {
        guard let startedAt = transaction.startedAt else { return nil }
        var tracker = SessionEnergyTracker(
            transactionId: transaction.id, meterStart: transaction.meterStart.map(Double.init), startedAt: startedAt)
        // The energy register values stored for it, oldest first, as they came in.
        let values = try await store.meterValues(transactionId: transaction.id, limit: 100_000)
        for value in values.reversed()
        where value.measurand == Measurand.energyActiveImportRegister.spelling && value.phase == nil
            && (value.location == nil || value.location == Location.outlet.spelling)
        {
            tracker.record(register: value.value, at: value.at)
        }
        return tracker
    }

    /// A 2.0.1 station's open session after a restart: it counts as authorised (Ampwise stored it,
    /// so it had been reported), the EVSE as Occupied unless a StatusNotification said otherwise,
    /// and its charging state is the last status a TransactionEvent gave it (`recordOCPP201Status`).
    static func restoreOCPP201Transaction(
        _ ocppTransactionId: String, on connector: inout ConnectorTracking, at now: Date
    ) {
        connector.ocpp201.transactionId = ocppTransactionId
        connector.ocpp201.authorised = true
        if connector.ocpp201.connectorStatuses.isEmpty { connector.ocpp201.connectorStatuses[1] = .occupied }
        switch connector.snapshot.status {
        case .charging?: connector.ocpp201.chargingState = .charging
        case .suspendedEVSE?: connector.ocpp201.chargingState = .suspendedEVSE
        case .suspendedEV?: connector.ocpp201.chargingState = .suspendedEV
        default: break
        }
        _ = refreshOCPP201Status(&connector, at: now)
    }
}
