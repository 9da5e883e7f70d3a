import Central
import Synchronization

/// Records every CALL and answers it as the test's `answer` says (Accepted by default).
final class FakeChargePointCaller: ChargePointCalling {
    struct Call: Sendable, Equatable {
        var chargerId: String
        var action: String
        var payload: JSONObject
    }

    typealias Answer = @Sendable (Call) -> Result<JSONObject, CallError>

    private let state = Mutex<(calls: [Call], answer: Answer)>(
        ([], { _ in .success(JSONObject([("status", "Accepted")])) }))

    var calls: [Call] { state.withLock { $0.calls } }

    /// The actions called so far, in order.
    var actions: [String] { calls.map(\.action) }

    func answer(with answer: @escaping Answer) {
        state.withLock { $0.answer = answer }
    }

    func clear() { state.withLock { $0.calls = [] } }

    func call(action: String, payload: JSONObject, to chargerId: String) async throws(CallError) -> JSONObject {
        let call = Call(chargerId: chargerId, action: action, payload: payload)
        let answer = state.withLock { state in
            state.calls.append(call)
            return state.answer
        }
        return try answer(call).get()
    }

    func isConnected(_ chargerId: String) -> Bool { true }
}
