import Central
import Scheduler

/// A stand-in `ChargerDirectory` that knows only the chargers connected now, from the central
/// system's sessions (id, connected, latency). It lets `ampwise serve` run the API before charge
/// point management is wired in; replace it with management's directory.
public struct SessionChargerDirectory: ChargerDirectory {
    private let central: CentralSystem

    public init(central: CentralSystem) {
        self.central = central
    }

    public func snapshots() -> [ChargerSnapshot] {
        central.connectedChargerIds.sorted().compactMap(snapshot)
    }

    public func snapshot(_ chargerId: String) -> ChargerSnapshot? {
        guard let session = central.session(chargerId) else { return nil }
        var snapshot = ChargerSnapshot(id: chargerId)
        snapshot.connected = true
        snapshot.latencyMilliseconds = session.latencyMilliseconds
        return snapshot
    }

    public func observeChanges(_ observer: @escaping @Sendable (ChargerChange) -> Void) {}
}
