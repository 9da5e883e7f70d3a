import Foundation

/// The engine's sense of time: what time it is and a way to wait until a moment. Tests drive a
/// manual one; the server uses `SystemEngineClock`.
public protocol EngineClock: Sendable {
    func now() -> Date
    /// Returns at `deadline` (or soon after); throws `CancellationError` when the task is cancelled.
    func sleep(until deadline: Date) async throws
}
