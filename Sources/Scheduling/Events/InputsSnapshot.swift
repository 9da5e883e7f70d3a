import Foundation

/// The inputs after an update (`EngineEvent.inputs`), as `GET /api/inputs` shows them, worked out
/// when read: that sorts every input, which two hundred sources reading every second would pay on
/// every read while no live view is open to look (BENCHMARKS.md, "Sources"). Read it while the
/// event is handled; do not keep it (it holds the engine's inputs as they were).
public struct InputsSnapshot: Sendable {
    private let inputs: InputSet
    private let now: Date

    init(_ inputs: InputSet, now: Date) {
        self.inputs = inputs
        self.now = now
    }

    /// Every input with its value and age, sorted by name.
    public var statuses: [InputStatus] { inputs.statuses(now: now) }
}
