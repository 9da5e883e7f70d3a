/// Sends commands to chargers: charge point management, which speaks each charger's protocol, or
/// a stand-in in tests of the code that decides.
///
/// Every command goes through `send`, which records it in the audit trail with `context` and
/// counts it, whoever sends it (the scheduler, the set-up, the API, MQTT).
public protocol ChargerCommanding: Sendable {
    /// Sends `command` to the charger, waits for its answer (or the timeout), records and counts
    /// it, and returns how it ended.
    func send(_ command: ChargerCommand, to chargerId: String, context: CommandContext) async -> CommandResult
}
