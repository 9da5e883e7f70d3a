import Central
import JSON
import Synchronization

/// Stands in for the central system in tests of the code that calls chargers: records every CALL
/// in order and answers it as the test scripted (per action, or with a function of the call;
/// `{"status":"Accepted"}` otherwise). A charger outside `connected` is not connected. Calls can be
/// held, all or per charger, to look at the caller with calls in flight.
public final class FakeChargePointCaller: ChargePointCalling {
    public struct Call: Sendable, Equatable {
        public var chargerId: String
        public var action: String
        public var payload: JSONObject

        public init(chargerId: String, action: String, payload: JSONObject) {
            self.chargerId = chargerId
            self.action = action
            self.payload = payload
        }
    }

    public typealias Answer = @Sendable (Call) -> Result<JSONObject, CallError>

    private struct State {
        var connected: Set<String>?
        var speakingOCPP201: Set<String> = []
        var calls: [Call] = []
        var answers: [String: Result<JSONObject, CallError>] = [:]
        var answer: Answer?
        var holding = false
        var held: [CheckedContinuation<Void, Never>] = []
        var gates: [String: AsyncGate] = [:]
        var callWaiters: [(count: Int, continuation: CheckedContinuation<Void, Never>)] = []
    }

    private let state: Mutex<State>

    /// - Parameter connected: the chargers that are connected; nil: every charger.
    public init(connected: Set<String>? = nil) {
        state = Mutex(State(connected: connected))
    }

    /// Answers like a charger with `configuration`, refusing changes of `rejectedKeys`.
    public convenience init(configuration: [(String, String)], rejectedKeys: Set<String> = []) {
        self.init()
        answer { call in
            switch call.action {
            case "GetConfiguration":
                let keys = configuration.map { key, value in
                    JSONValue.object(
                        JSONObject([("key", .string(key)), ("readonly", .bool(false)), ("value", .string(value))]))
                }
                return .success(JSONObject([("configurationKey", .array(keys))]))
            case "ChangeConfiguration":
                guard case .string(let key) = call.payload["key"] else { return .failure(.invalidRequest("no key")) }
                return .success(JSONObject([("status", .string(rejectedKeys.contains(key) ? "Rejected" : "Accepted"))]))
            default:
                return .success(JSONObject([("status", .string("Accepted"))]))
            }
        }
    }

    /// Every CALL so far, in order.
    public var calls: [Call] { state.withLock { $0.calls } }

    /// The actions called so far, in order.
    public var actions: [String] { calls.map(\.action) }

    /// `Action key=value` (ChangeConfiguration), `Action message connectorId` (TriggerMessage) or
    /// `Action`, per call.
    public var summary: [String] {
        calls.map { call in
            switch call.action {
            case "ChangeConfiguration":
                if case .string(let key) = call.payload["key"], case .string(let value) = call.payload["value"] {
                    return "ChangeConfiguration \(key)=\(value)"
                }
                return call.action
            case "TriggerMessage":
                if case .string(let message) = call.payload["requestedMessage"],
                    case .number(let connector) = call.payload["connectorId"]
                {
                    return "TriggerMessage \(message) \(Int(connector))"
                }
                return call.action
            default:
                return call.action
            }
        }
    }

    /// Answers every call with `answer` from now on (per-action answers still come first).
    public func answer(with answer: @escaping Answer) {
        state.withLock { $0.answer = answer }
    }

    /// Answers every call of `action` with `result`.
    public func answer(_ action: String, with result: Result<JSONObject, CallError>) {
        state.withLock { $0.answers[action] = result }
    }

    public func setConnected(_ chargerIds: Set<String>?) {
        state.withLock { $0.connected = chargerIds }
    }

    /// Holds every answer until `release()`.
    public func hold() { state.withLock { $0.holding = true } }

    public func release() {
        let held = state.withLock { state in
            state.holding = false
            defer { state.held = [] }
            return state.held
        }
        for continuation in held { continuation.resume() }
    }

    /// Calls to `chargerId` wait until `gate` opens.
    public func hold(_ chargerId: String, until gate: AsyncGate) {
        state.withLock { $0.gates[chargerId] = gate }
    }

    /// Returns once `count` calls have arrived.
    public func waitForCalls(_ count: Int) async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let ready = state.withLock { state in
                if state.calls.count >= count { return true }
                state.callWaiters.append((count, continuation))
                return false
            }
            if ready { continuation.resume() }
        }
    }

    public func call(action: String, payload: JSONObject, to chargerId: String) async throws(CallError) -> JSONObject {
        let call = Call(chargerId: chargerId, action: action, payload: payload)
        let (isConnected, result, holding, gate, waiters) = state.withLock { state in
            guard state.connected?.contains(chargerId) ?? true else {
                let none: [CheckedContinuation<Void, Never>] = []
                return (false, Result<JSONObject, CallError>.failure(.notConnected), false, AsyncGate?.none, none)
            }
            state.calls.append(call)
            let count = state.calls.count
            let due = state.callWaiters.filter { $0.count <= count }.map(\.continuation)
            state.callWaiters.removeAll { $0.count <= count }
            let result =
                state.answers[action] ?? state.answer?(call) ?? .success(JSONObject([("status", "Accepted")]))
            return (true, result, state.holding, state.gates[chargerId], due)
        }
        guard isConnected else { throw .notConnected }
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
        if let gate { await gate.wait() }
        return try result.get()
    }

    public func isConnected(_ chargerId: String) -> Bool {
        state.withLock { $0.connected?.contains(chargerId) ?? true }
    }

    public func latencyMilliseconds(of chargerId: String) -> Double? { nil }

    /// Makes these chargers speak OCPP 2.0.1 (the rest speak 1.6).
    public func setSpeaksOCPP201(_ chargerIds: Set<String>) {
        state.withLock { $0.speakingOCPP201 = chargerIds }
    }

    public func speaksOCPP201(_ chargerId: String) -> Bool {
        state.withLock { $0.speakingOCPP201.contains(chargerId) } && isConnected(chargerId)
    }
}
