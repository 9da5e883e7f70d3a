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
