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
