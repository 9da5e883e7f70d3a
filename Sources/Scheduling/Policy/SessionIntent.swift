/// What the session family (`start`, `stop`) decided for a connector.
public enum SessionIntent: Sendable, Hashable {
    /// Start a transaction when the connector is Preparing; `nil` uses the charger's idTag.
    case start(idTag: String?)
    case stop
}
