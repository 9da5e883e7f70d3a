import ChargingModel
import Synchronization

/// Counts every command sent to a charger by source, action and outcome, for `/metrics`
/// (`ampwise_commands_total`). The dispatcher counts each command it sends, so every source is
/// counted the same way.
public final class CommandCounters: Sendable {
    private let counts = Mutex<[CommandCounterKey: Int]>([:])

    public init() {}

    func count(source: CommandSource, action: String, outcome: CommandOutcome) {
        let key = CommandCounterKey(source: source.rawValue, action: action, outcome: outcome.storedValue)
        counts.withLock { $0[key, default: 0] += 1 }
    }

    /// Every counter so far, sorted.
    public var all: [(key: CommandCounterKey, count: Int)] {
        counts.withLock { $0.map { ($0.key, $0.value) } }.sorted { $0.key < $1.key }
    }
}
