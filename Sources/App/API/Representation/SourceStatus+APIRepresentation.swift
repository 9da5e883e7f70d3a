import InputSources
import JSON

extension SourceStatus {
    /// `{type, state, inputs: {name: value}, lastSuccess, lastError, lastErrorAt}`, keyed by the
    /// source's name in the answer.
    var apiRepresentation: JSONValue {
        .object(
            JSONObject([
                ("type", .string(type)),
                ("state", .string(state.rawValue)),
                (
                    "inputs",
                    .object(JSONObject(lastValues.sorted { $0.key < $1.key }.map { ($0.key, .number($0.value)) }))
                ),
                ("lastSuccess", .date(lastSuccess)),
                ("lastError", lastError.map(JSONValue.string) ?? .null),
                ("lastErrorAt", .date(lastErrorAt)),
            ]))
    }
}
