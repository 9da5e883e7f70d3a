/// The chargers Ampwise knows, as the API and the scheduling engine read them.
///
/// Charge point management implements it; readers depend only on this protocol so each side
/// can be tested alone. Snapshots are values: safe to keep and read from any thread.
public protocol ChargerDirectory: Sendable {
    /// Every known charger (connected or not), sorted by id.
    func snapshots() -> [ChargerSnapshot]
    func snapshot(_ chargerId: String) -> ChargerSnapshot?
    /// Registers `observer`, called from any thread after each change the rules may depend on.
    func observeChanges(_ observer: @escaping @Sendable (ChargerChange) -> Void)
}

/// A change in the charger directory that should make the engine re-evaluate at once.
public enum ChargerChange: Sendable, Equatable {
    case connected(chargerId: String)
    case disconnected(chargerId: String)
    /// A BootNotification: the charger restarted and lost what it was told.
    case booted(chargerId: String)
    /// The post-boot set-up learned the charger's configuration (features, units, connectors).
    case configured(chargerId: String)
    case status(chargerId: String, connectorId: Int)
    case transactionStarted(chargerId: String, connectorId: Int, transactionId: Int)
    case transactionStopped(chargerId: String, connectorId: Int, transactionId: Int)
    case meterValues(chargerId: String, connectorId: Int)
}
