/// A running site and the ports it listens on (`ServeHooks.started`).
struct StartedSite: Sendable {
    let site: Site
    /// The chargers' WebSocket port (the one bound, when the configuration asked for port 0).
    let chargerPort: Int
    /// The HTTP API's and dashboard's port.
    let apiPort: Int
}
