/// What the configuration says about a charger id at the WebSocket upgrade (docs/configuration.md `chargers`,
/// `allowUnknownChargers`), answered by the closure the caller passes to `WebSocketUpgrade.evaluate`.
public enum ChargerAdmission: Sendable {
    /// Not allowed to connect: the upgrade is refused with 404.
    case refused
    /// Allowed with no credentials.
    case allowed
    /// Allowed with HTTP Basic credentials: user name = the charger id, this password (401 otherwise).
    case passwordRequired(String)
    /// Allowed with HTTP Basic credentials whose password `check` accepts (one kept only as a
    /// `PasswordHash`).
    case passwordChecked(@Sendable (_ password: [UInt8]) -> Bool)
    /// The connection is below the charger's security profile (no TLS, no client certificate, a
    /// certificate for another charger): refused with 401, `reason` saying which.
    case belowSecurityProfile(reason: String)
}
