import Synchronization

@testable import Scheduling

/// Counts the `inputs` events an engine emits (what the dashboard's event stream gets).
final class InputEventCounter: Sendable {
    private let count = Mutex(0)

    init(_ engine: SchedulingEngine) {
        engine.observeEvents { [self] event in
            if case .inputs = event { count.withLock { $0 += 1 } }
        }
    }

    var value: Int { count.withLock { $0 } }
}
