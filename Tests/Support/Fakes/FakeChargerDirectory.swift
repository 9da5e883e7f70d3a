import ChargingModel
import Foundation
import Synchronization

/// A charger directory holding whatever snapshots a test puts in. Most tests tell the engine about
/// changes themselves (`chargerChanged`), so that they know when it has handled them; `emit` goes
/// the way of the real directory.
public final class FakeChargerDirectory: ChargerDirectory {
    private let chargers = Mutex<[String: ChargerSnapshot]>([:])
    private let observers = Mutex<[ChangeObserver]>([])

    private final class ChangeObserver: Sendable {
        let notify: @Sendable (ChargerChange) -> Void
        init(_ notify: @escaping @Sendable (ChargerChange) -> Void) { self.notify = notify }
    }

    public init(_ snapshots: [ChargerSnapshot] = []) {
        for snapshot in snapshots { put(snapshot) }
    }

    public func put(_ snapshot: ChargerSnapshot) {
        chargers.withLock { $0[snapshot.id] = snapshot }
    }

    public func snapshots() -> [ChargerSnapshot] {
        chargers.withLock { chargers in chargers.keys.sorted().compactMap { chargers[$0] } }
    }

    public func snapshot(_ chargerId: String) -> ChargerSnapshot? {
        chargers.withLock { $0[chargerId] }
    }

    public func observeChanges(_ observer: @escaping @Sendable (ChargerChange) -> Void) {
        observers.withLock { $0.append(ChangeObserver(observer)) }
    }

    public func emit(_ change: ChargerChange) {
        for observer in observers.withLock({ $0 }) { observer.notify(change) }
    }

    public func update(_ chargerId: String, _ change: (inout ChargerSnapshot) -> Void) {
        chargers.withLock { chargers in
            var snapshot = chargers[chargerId] ?? ChargerSnapshot(id: chargerId)
            change(&snapshot)
            chargers[chargerId] = snapshot
        }
    }

    /// Sets a connector's status and open transaction (started at `startedAt`).
    public func setConnector(
        _ chargerId: String, _ connectorId: Int, status: ConnectorStatus, transactionId: Int? = nil,
        startedAt: Date = Date(timeIntervalSince1970: 0)
    ) {
        update(chargerId) { snapshot in
            var connector = snapshot.connector(connectorId) ?? ConnectorSnapshot(id: connectorId)
            connector.status = status
            connector.transaction = transactionId.map {
                TransactionSnapshot(id: $0, idTag: "ampwise", startedAt: startedAt, meterStart: 0, energyWh: 0)
            }
            snapshot.connectors.removeAll { $0.id == connectorId }
            snapshot.connectors.append(connector)
            snapshot.connectors.sort { $0.id < $1.id }
        }
    }
}
