import ChargingModel
import Foundation
import Logging
import Store

extension ChargerFleet: TransactionClosing {
    /// Closes a transaction left open for good (its charger rebooted and never sent its
    /// StopTransaction) with stop reason `ClosedByHand`: its energy from its last meter value, as
    /// the connector's tracker knows it or as rebuilt from the stored meter values; stopped at
    /// that meter value's time, or now without one. A StopTransaction the charger sends for it
    /// later replaces the estimate.
    public func closeTransaction(id: Int) async throws(TransactionCloseError) -> TransactionRecord {
        let now = settings.now()
        let result: TransactionStopResult
        do {
            guard let stored = try await store.transaction(id: id) else { throw TransactionCloseError.unknown(id: id) }
            guard stored.isOpen else { throw TransactionCloseError.alreadyStopped(stored) }
            let tracked = chargers.withLock { chargers in
                chargers[stored.chargerId].flatMap { state in
                    state.connectorId(ofTransaction: id).flatMap { state.connectors[$0]?.tracker }
                }
            }
            var tracker = tracked
            if tracker == nil { tracker = try await storedTracker(of: stored) }
            guard let tracker else { throw TransactionCloseError.unknown(id: id) }
            let stop = tracker.estimatedStop(
                chargerId: stored.chargerId, reason: TransactionRecord.closedByHandReason, latestEnd: now,
                receivedAt: now)
            result = try await store.stopTransaction(stop)
        } catch let error as TransactionCloseError {
            throw error
        } catch {
            throw .storeFailed("\(error)")
        }
        guard result.wasOpen else { throw .alreadyStopped(result.transaction) }
        let chargerId = result.transaction.chargerId
        let connectorId = update(chargerId) { state in
            let connectorId = state.connectorId(ofTransaction: id)
            if let connectorId { state.connectors[connectorId]?.close(reason: TransactionRecord.closedByHandReason) }
            state.noteStopped(id)
            return connectorId ?? result.transaction.connectorId ?? 0
        }
        let energy = Int((result.transaction.energyWh ?? 0).rounded())
        logger.warning(
            "\(chargerId) connector \(connectorId): transaction \(id) closed by hand through the API (\(energy) Wh, "
                + "from its last meter value)")
        emit(.transactionStopped(chargerId: chargerId, connectorId: connectorId, transactionId: id))
        return result.transaction
    }
}
