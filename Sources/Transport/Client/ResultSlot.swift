import Synchronization

/// Where the result of one piece of loop work goes for a task that awaits it: filled exactly once
/// by whichever comes first (the answer, a failure, a timeout, the task's cancellation), later
/// fills ignored. `wait` may come before or after the fill. The HTTP and Modbus clients use it
/// to hand a loop's answer to an async caller.
public final class ResultSlot<Success: Sendable, Failure: Error>: Sendable {
    private let state = Mutex<State>(State())

    private struct State {
        var continuation: CheckedContinuation<Result<Success, Failure>, Never>?
        var early: Result<Success, Failure>?
        var isFilled = false
    }

    public init() {}

    /// The result once filled; fills with `onCancel` when the waiting task is cancelled first.
    public func value(onCancel: Failure) async -> Result<Success, Failure> {
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Result<Success, Failure>, Never>) in
                let early = state.withLock { state -> Result<Success, Failure>? in
                    if let early = state.early { return early }
                    state.continuation = continuation
                    return nil
                }
                if let early { continuation.resume(returning: early) }
            }
        } onCancel: {
            fill(.failure(onCancel))
        }
    }

    /// Delivers `result` unless the slot was filled already.
    public func fill(_ result: Result<Success, Failure>) {
        let continuation = state.withLock { state -> CheckedContinuation<Result<Success, Failure>, Never>? in
            guard !state.isFilled else { return nil }
            state.isFilled = true
            guard let continuation = state.continuation else {
                state.early = result
                return nil
            }
            state.continuation = nil
            return continuation
        }
        continuation?.resume(returning: result)
    }

    /// True once filled (the waiter may have gone: cancelled work can stop early).
    public var isFilled: Bool { state.withLock { $0.isFilled } }
}
