import ChargingModel
import Foundation
import Logging
import OCPP
import Store

extension ChargerFleet {
    /// Loads what the store knows (chargers, their configuration, connector statuses, open
    /// transactions with their energy so far) so that Ampwise carries on after a restart: a
    /// charger that reconnects continues its session, and its StopTransaction closes it with
    /// the right energy. Call it once at start-up, before the central system starts.
    public func restore() async throws {
        let records = try await store.chargers()
        let statuses = try await store.connectorStatuses()
        let open = try await store.openTransactions()
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
                state.base.limitUnit = LimitUnit(ocpp16AllowedUnits: configuration[ConfigurationKey.rateUnit])
                state.base.maxStackLevel = configuration[ConfigurationKey.maxStackLevel].flatMap {
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
                chargers[transaction.chargerId] = state
            }
        }
        logger.info("restored \(records.count) chargers and \(open.count) open transactions from \(store.path)")
    }

    /// The energy tracker of a stored open transaction, fed the energy register values stored
    /// for it; `nil` for a row with no start (first heard of in a StopTransaction).
    func storedTracker(of transaction: TransactionRecord) async throws -> SessionEnergyTracker? {
        guard let meterStart = transaction.meterStart, let startedAt = transaction.startedAt else { return nil }
        var tracker = SessionEnergyTracker(
            transactionId: transaction.id, meterStart: Double(meterStart), startedAt: startedAt)
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
}
