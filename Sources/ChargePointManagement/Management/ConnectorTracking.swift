import ChargingModel
import Foundation

/// What `ChargerFleet` keeps about one connector: the part of its snapshot that is stored as it
/// is, and what the snapshot's derived figures (session energy, charging time) come from.
struct ConnectorTracking: Sendable {
    var snapshot: ConnectorSnapshot
    /// The open transaction's energy; `nil` when no transaction is open.
    var tracker: SessionEnergyTracker?
    var transactionIdTag: String?
    /// Seconds in Charging during the open transaction before `chargingSince`.
    var chargingSecondsBefore: Double = 0
    /// Since when the connector is Charging (received time, not the charger's clock).
    var chargingSince: Date?
    /// For an OCPP 2.0.1 EVSE: what its status is worked out from.
    var ocpp201 = OCPP201EVSEState()

    init(id: Int) {
        snapshot = ConnectorSnapshot(id: id)
    }

    func snapshot(at now: Date) -> ConnectorSnapshot {
        var result = snapshot
        guard let tracker else {
            result.transaction = nil
            result.chargingSeconds = 0
            return result
        }
        result.transaction = TransactionSnapshot(
            id: tracker.transactionId, idTag: transactionIdTag ?? "", startedAt: tracker.startedAt,
            meterStart: tracker.meterStart, energyWh: tracker.sessionEnergy)
        result.chargingSeconds = chargingSecondsBefore + (chargingSince.map { max(0, now.timeIntervalSince($0)) } ?? 0)
        return result
    }

    /// Notes a status change for the charging time of share rotation.
    mutating func noteStatus(_ status: ConnectorStatus, at now: Date) {
        if status == .charging {
            if chargingSince == nil { chargingSince = now }
        } else if let since = chargingSince {
            chargingSecondsBefore += max(0, now.timeIntervalSince(since))
            chargingSince = nil
        }
    }

    /// A transaction started (or was found open again after a restart).
    mutating func open(_ tracker: SessionEnergyTracker, idTag: String?, at now: Date) {
        self.tracker = tracker
        transactionIdTag = idTag
        chargingSecondsBefore = 0
        chargingSince = snapshot.status == .charging ? now : nil
    }

    /// The open transaction stopped.
    mutating func close(reason: String) {
        tracker = nil
        transactionIdTag = nil
        chargingSecondsBefore = 0
        chargingSince = nil
        snapshot.lastStopReason = reason
    }
}
