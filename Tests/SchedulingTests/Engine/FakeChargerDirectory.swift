import ChargePointManagement
import Synchronization

@testable import Scheduling

/// A charger directory whose snapshots the test sets.
final class FakeChargerDirectory: ChargerDirectory {
    private let state = Mutex<[String: ChargerSnapshot]>([:])

    init(_ snapshots: [ChargerSnapshot]) {
        state.withLock { state in
            for snapshot in snapshots { state[snapshot.id] = snapshot }
        }
    }

    func snapshots() -> [ChargerSnapshot] {
        state.withLock { state in state.keys.sorted().compactMap { state[$0] } }
    }

    func snapshot(_ chargerId: String) -> ChargerSnapshot? { state.withLock { $0[chargerId] } }

    private let observers = Mutex<[@Sendable (ChargerChange) -> Void]>([])

    /// Most tests tell the engine about changes themselves (`chargerChanged`), so that they know
    /// when it has handled them; `emit` goes the way of the real directory.
    func observeChanges(_ observer: @escaping @Sendable (ChargerChange) -> Void) {
        observers.withLock { $0.append(observer) }
    }

    func emit(_ change: ChargerChange) {
        for observer in observers.withLock({ $0 }) { observer(change) }
    }

    func update(_ chargerId: String, _ change: (inout ChargerSnapshot) -> Void) {
        state.withLock { state in
            var snapshot = state[chargerId] ?? ChargerSnapshot(id: chargerId)
            change(&snapshot)
            state[chargerId] = snapshot
        }
    }

    /// Sets a connector's status and open transaction.
    func setConnector(_ chargerId: String, _ connectorId: Int, status: String, transactionId: Int? = nil) {
        update(chargerId) { snapshot in
            var connector = snapshot.connector(connectorId) ?? ConnectorSnapshot(id: connectorId)
            connector.status = status
            connector.transaction = transactionId.map {
                TransactionSnapshot(
                    id: $0, idTag: "ampwise", startedAt: EngineHarness.start, meterStart: 0, energyWh: 0)
            }
            snapshot.connectors.removeAll { $0.id == connectorId }
            snapshot.connectors.append(connector)
            snapshot.connectors.sort { $0.id < $1.id }
        }
    }
}
