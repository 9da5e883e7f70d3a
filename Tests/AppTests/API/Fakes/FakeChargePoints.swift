import Central
import JSON
import Synchronization

/// Stands in for the central system: records every CALL and answers it as the test scripted,
/// per action (default `{"status":"Accepted"}`). A charger not in `connected` is not connected.
final class FakeChargePoints: ChargePointCalling {
    struct SentCall: Equatable {
        var chargerId: String
        var action: String
        var payload: JSONObject
    }

    private struct State {
        var connected: Set<String>
        var answers: [String: Result<JSONObject, CallError>] = [:]
        var calls: [SentCall] = []
        var gates: [String: AsyncGate] = [:]
    }

    private let state: Mutex<State>

    init(connected: Set<String> = []) {
        state = Mutex(State(connected: connected))
    }

    /// Every CALL sent so far, in order.
    var calls: [SentCall] { state.withLock { $0.calls } }

    func answer(_ action: String, with result: Result<JSONObject, CallError>) {
        state.withLock { $0.answers[action] = result }
    }

    /// Calls to `chargerId` wait until `gate` opens.
    func hold(_ chargerId: String, until gate: AsyncGate) {
        state.withLock { $0.gates[chargerId] = gate }
    }

    func call(action: String, payload: JSONObject, to chargerId: String) async throws(CallError) -> JSONObject {
        let (isConnected, answer, gate) = state.withLock { state in
            (
                state.connected.contains(chargerId),
                state.answers[action] ?? .success(JSONObject([("status", "Accepted")])),
                state.gates[chargerId]
            )
        }
        guard isConnected else { throw .notConnected }
        state.withLock { $0.calls.append(SentCall(chargerId: chargerId, action: action, payload: payload)) }
        if let gate { await gate.wait() }
        return try answer.get()
    }

    func isConnected(_ chargerId: String) -> Bool {
        state.withLock { $0.connected.contains(chargerId) }
    }
}
