/// What every charger connection shares with the others: the settings, the session registry, and
/// the guards that look at all connections together. Handed to each `ChargerConnectionHandler`, so
/// that a connection knows these and not the `CentralSystem` that made it.
struct ChargerConnectionServices: Sendable {
    let configuration: CentralConfiguration
    let registry: SessionRegistry
    /// Failed logins: delays, the 429 past too many, summary lines (docs/charger-management.md).
    let authentication: AuthenticationGuard
    /// Unusual charger ids already warned about.
    let chargerIdWarnings: ChargerIdWarnings
    /// Refusals below a charger's security profile already logged.
    let securityProfileRefusals: SecurityProfileRefusalLog
    /// What all connections together hold for unfinished messages (`maxBufferedBytes`).
    let bufferBudget: MessageBufferBudget
}
