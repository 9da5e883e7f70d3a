import Store
import Synchronization

/// Counters for `GET /metrics` that the central system does not keep itself: command outcomes
/// by source, action and outcome. Safe from any thread.
///
/// The API counts its manual commands here; the engine's recorder can count its own through
/// the same `count(_:)` once it is wired (or this type moves next to the store so it can).
public final class Metrics: Sendable {
    /// One time series of `ampwise_commands_total`.
    public struct CommandKey: Sendable, Hashable, Comparable {
        public var source: String
        public var action: String
        public var outcome: String

        public init(source: String, action: String, outcome: String) {
            self.source = source
            self.action = action
            self.outcome = outcome
        }

        public static func < (lhs: CommandKey, rhs: CommandKey) -> Bool {
            (lhs.source, lhs.action, lhs.outcome) < (rhs.source, rhs.action, rhs.outcome)
        }
    }

    private let commands = Mutex<[CommandKey: Int]>([:])

    public init() {}

    /// Counts one command's outcome.
    public func count(_ command: CommandRecord) {
        let key = CommandKey(
            source: command.source.rawValue, action: command.action, outcome: command.outcome.storedValue)
        commands.withLock { $0[key, default: 0] += 1 }
    }

    /// Every command counter so far, sorted.
    public var commandCounts: [(key: CommandKey, count: Int)] {
        commands.withLock { counts in counts.sorted { $0.key < $1.key }.map { ($0.key, $0.value) } }
    }
}
