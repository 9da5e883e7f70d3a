/// What the configuration says about a charger id at the WebSocket upgrade (docs/configuration.md `chargers`,
/// `allowUnknownChargers`), answered by the closure the caller passes to `WebSocketUpgrade.evaluate`.
public enum ChargerAdmission: Sendable, Equatable {
    /// Not allowed to connect: the upgrade is refused with 404.
    case refused
    /// Allowed with no credentials.
    case allowed
    /// Allowed with HTTP Basic credentials: user name = the charger id, this password (401 otherwise).
    case passwordRequired(String)
}
