import HTTP
import Synchronization

/// Where one exchange's result goes: the waiting task's continuation, resumed exactly once by
/// whichever comes first (the response, a failure, the timeout, cancellation).
final class HTTPExchangeOutcome: Sendable {
    private let state = Mutex<State>(State())

    private struct State {
        var continuation: CheckedContinuation<Result<HTTPResponse, HTTPClientError>, Never>?
        var early: Result<HTTPResponse, HTTPClientError>?
        var isFinished = false
    }

    func wait(with continuation: CheckedContinuation<Result<HTTPResponse, HTTPClientError>, Never>) {
        let early = state.withLock { state -> Result<HTTPResponse, HTTPClientError>? in
            if let early = state.early { return early }
            state.continuation = continuation
            return nil
        }
        if let early { continuation.resume(returning: early) }
    }

    /// Delivers `result` unless one was delivered already.
    func finish(_ result: Result<HTTPResponse, HTTPClientError>) {
        let continuation = state.withLock {
            state -> CheckedContinuation<Result<HTTPResponse, HTTPClientError>, Never>? in
            guard !state.isFinished else { return nil }
            state.isFinished = true
            guard let continuation = state.continuation else {
                state.early = result
                return nil
            }
            state.continuation = nil
            return continuation
        }
        continuation?.resume(returning: result)
    }

    var isFinished: Bool { state.withLock { $0.isFinished } }
}
