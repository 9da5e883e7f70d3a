import ChargePointManagement
import Synchronization

/// A charger directory holding whatever snapshots a test puts in.
final class FakeChargerDirectory: ChargerDirectory {
    private let chargers = Mutex<[String: ChargerSnapshot]>([:])

    init(_ snapshots: [ChargerSnapshot] = []) {
        for snapshot in snapshots { put(snapshot) }
    }

    func put(_ snapshot: ChargerSnapshot) {
        chargers.withLock { $0[snapshot.id] = snapshot }
    }

    func snapshots() -> [ChargerSnapshot] {
        chargers.withLock { $0.values.sorted { $0.id < $1.id } }
    }

    func snapshot(_ chargerId: String) -> ChargerSnapshot? {
        chargers.withLock { $0[chargerId] }
    }

    func observeChanges(_ observer: @escaping @Sendable (ChargerChange) -> Void) {}
}
