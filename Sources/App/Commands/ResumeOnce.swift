import Dispatch
import Synchronization

/// Resumes a continuation the first time any of several sources fires, and keeps the sources
/// alive until then.
final class ResumeOnce<Value: Sendable>: Sendable {
    private let state: Mutex<(continuation: CheckedContinuation<Value, Never>?, sources: [any DispatchSourceProtocol])>

    init(_ continuation: CheckedContinuation<Value, Never>) {
        state = Mutex((continuation, []))
    }

    func retain(_ source: any DispatchSourceProtocol) {
        state.withLock { $0.sources.append(source) }
    }

    func resume(_ value: Value) {
        let continuation = state.withLock { state in
            defer { state.continuation = nil }
            return state.continuation
        }
        continuation?.resume(returning: value)
    }
}
