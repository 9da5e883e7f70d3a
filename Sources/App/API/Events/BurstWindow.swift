/// How long the hub of `GET /api/events` gathers a burst before it sends it (`LiveEvents`): the
/// shortest window while changes come at a pace a person follows, twice as long after each burst
/// that came as a flood, up to `longest`, and the shortest again after the first burst that did not.
///
/// While 10,000 chargers boot, a charger's connection and its boot come a few tenths of a second
/// apart under load; in 0.1 s bursts they are often two whole charger objects written to every
/// stream, in a longer burst they fold into the latest (BENCHMARKS.md, "Dashboard"). A dashboard
/// that watches a quiet site still sees a change within the shortest window.
struct BurstWindow: Sendable, Equatable {
    /// Seconds a burst gathers when changes are few.
    let shortest: Double
    /// Seconds a burst gathers at most, however long the flood lasts.
    let longest: Double
    /// Events a second (published into a burst, folded or not) from which a burst is a flood.
    let floodRate: Double
    /// The window of the next burst.
    private(set) var current: Double

    init(shortest: Double, longest: Double, floodRate: Double) {
        self.shortest = shortest
        self.longest = max(shortest, longest)
        self.floodRate = floodRate
        current = shortest
    }

    /// Sets the next burst's window from the one just sent: `published` events in `current` seconds.
    mutating func burstSent(published: Int) {
        current = Double(published) >= floodRate * current ? min(current * 2, longest) : shortest
    }

    /// Back to the shortest window: nobody listens, and the next listener starts with a quiet site.
    mutating func reset() {
        current = shortest
    }
}
