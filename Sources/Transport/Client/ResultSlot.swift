import Synchronization

/// Where the result of one piece of loop work goes for a task that awaits it: filled exactly once
/// by whichever comes first (the answer, a failure, a timeout, the task's cancellation), later
/// fills ignored. `wait` may come before or after the fill. The HTTP and Modbus clients use it
/// to hand a loop's answer to an async caller, and `EventLoop.sleep` to wake its task.
///
/// Inlinable, so that each client module gets it specialised for its own result: unspecialised,
/// every read of a source looked up the slot's generic metadata at run time several times (a tenth
/// of a read's CPU in the profile of BENCHMARKS.md, "Sources"). The continuation is unchecked: the
/// lock above already makes it resumed exactly once.
public final class ResultSlot<Success: Sendable, Failure: Error>: Sendable {
    @usableFromInline let state: Mutex<ResultSlotState<Success, Failure>>

    @inlinable public init() {
        state = Mutex(ResultSlotState())
    }

    /// The result once filled; fills with `onCancel` when the waiting task is cancelled first.
    @inlinable public func value(onCancel: Failure) async -> Result<Success, Failure> {
        await withTaskCancellationHandler {
            await withUnsafeContinuation { (continuation: UnsafeContinuation<Result<Success, Failure>, Never>) in
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
    @inlinable public func fill(_ result: Result<Success, Failure>) {
        let continuation = state.withLock { state -> UnsafeContinuation<Result<Success, Failure>, Never>? in
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
    @inlinable public var isFilled: Bool { state.withLock { $0.isFilled } }
}
