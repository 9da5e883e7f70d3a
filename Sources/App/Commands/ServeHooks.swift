/// What a command that runs a site adds around `ServeCommand.serve` (`ampwise demo`).
struct ServeHooks: Sendable {
    /// Called once the site, the API and the central system are up.
    var started: @Sendable (StartedSite) async -> Void = { _ in }
    /// Called after SIGINT or SIGTERM, before the site stops.
    var stopping: @Sendable () async -> Void = {}
}
