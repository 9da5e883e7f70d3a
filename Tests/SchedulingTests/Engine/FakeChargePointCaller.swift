import Central
import JSON
import Synchronization

/// Records every CALL and answers it as the test's `answer` says (Accepted by default). While
/// `hold()` is in force, answers wait until `release()`, to look at the engine with calls in flight.
final class FakeChargePointCaller: ChargePointCalling {
    struct Call: Sendable, Equatable {
        var chargerId: String
        var action: String
        var payload: JSONObject
    }

    typealias Answer = @Sendable (Call) -> Result<JSONObject, CallError>

    private struct State {
        var calls: [Call] = []
        var answer: Answer = { _ in .success(JSONObject([("status", "Accepted")])) }
        var holding = false
        var held: [CheckedContinuation<Void, Never>] = []
        var callWaiters: [(count: Int, continuation: CheckedContinuation<Void, Never>)] = []
    }

    private let state = Mutex(State())

    var calls: [Call] { state.withLock { $0.calls } }

    /// The actions called so far, in order.
    var actions: [String] { calls.map(\.action) }

    func answer(with answer: @escaping Answer) {
        state.withLock { $0.answer = answer }
    }

    func hold() { state.withLock { $0.holding = true } }

    func release() {
        let held = state.withLock { state in
            state.holding = false
            defer { state.held = [] }
            return state.held
        }
        for continuation in held { continuation.resume() }
    }

    /// Returns once `count` calls have arrived.
    func waitForCalls(_ count: Int) async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let ready = state.withLock { state in
                if state.calls.count >= count { return true }
                state.callWaiters.append((count, continuation))
                return false
            }
            if ready { continuation.resume() }
        }
    }

    func call(action: String, payload: JSONObject, to chargerId: String) async throws(CallError) -> JSONObject {
        let call = Call(chargerId: chargerId, action: action, payload: payload)
        let (answer, holding, waiters) = state.withLock { state in
            state.calls.append(call)
            let count = state.calls.count
            let due = state.callWaiters.filter { $0.count <= count }.map(\.continuation)
            state.callWaiters.removeAll { $0.count <= count }
            return (state.answer, state.holding, due)
        }
        for waiter in waiters { waiter.resume() }
        if holding {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let stillHolding = state.withLock { state in
                    if state.holding { state.held.append(continuation) }
                    return state.holding
                }
                if !stillHolding { continuation.resume() }
            }
        }
        return try answer(call).get()
    }

    func isConnected(_ chargerId: String) -> Bool { true }
}
