/// The one task that stores changed charger passwords in order (`StoredChargerPasswords.attach`).
/// At shutdown it is finished after the central system has stopped (no login can retire a
/// password any more) and before the store closes, so that no change is lost on the way out.
struct ChargerPasswordWriter: Sendable {
    let changes: AsyncStream<String>.Continuation
    let task: Task<Void, Never>

    /// Takes no more changes and returns once every change queued before is written.
    func finish() async {
        changes.finish()
        await task.value
    }
}
