import Central
import JSON
import Synchronization

@testable import ChargePointManagement

/// A stand-in for the central system in unit tests: answers each call with `answer` and keeps
/// every call in order.
final class ScriptedChargePointCaller: ChargePointCalling {
    struct Call: Sendable, Equatable {
        let action: String
        let payload: JSONObject
        let chargerId: String
    }

    private let calls = Mutex<[Call]>([])
    private let answer: @Sendable (String, JSONObject) -> Result<JSONObject, CallError>

    init(answer: @escaping @Sendable (String, JSONObject) -> Result<JSONObject, CallError>) {
        self.answer = answer
    }

    /// Answers like a charger with `configuration`, refusing changes of `rejectedKeys`.
    convenience init(configuration: [(String, String)], rejectedKeys: Set<String> = []) {
        self.init { action, payload in
            switch action {
            case "GetConfiguration":
                let keys = configuration.map { key, value in
                    JSONValue.object(
                        JSONObject([("key", .string(key)), ("readonly", .bool(false)), ("value", .string(value))]))
                }
                return .success(JSONObject([("configurationKey", .array(keys))]))
            case "ChangeConfiguration":
                guard case .string(let key) = payload["key"] else { return .failure(.invalidRequest("no key")) }
                return .success(JSONObject([("status", .string(rejectedKeys.contains(key) ? "Rejected" : "Accepted"))]))
            default:
                return .success(JSONObject([("status", .string("Accepted"))]))
            }
        }
    }

    func call(action: String, payload: JSONObject, to chargerId: String) async throws(CallError) -> JSONObject {
        calls.withLock { $0.append(Call(action: action, payload: payload, chargerId: chargerId)) }
        return try answer(action, payload).get()
    }

    func isConnected(_ chargerId: String) -> Bool { true }

    var received: [Call] { calls.withLock { $0 } }

    /// `Action key=value` (ChangeConfiguration), `Action connectorId` (TriggerMessage) or `Action`.
    var summary: [String] {
        received.map { call in
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
}
