import JSON
import Tariffs

extension TariffProviderStatus {
    /// `{type, state, lastFetch, lastSuccess, lastError, knownUntil, consecutiveFailures, nextFetch}`.
    var apiRepresentation: JSONValue {
        .object(
            JSONObject([
                ("type", .string(type)),
                ("state", .string(state.rawValue)),
                ("lastFetch", .date(lastFetch)),
                ("lastSuccess", .date(lastSuccess)),
                ("lastError", .string(orNull: lastError)),
                ("knownUntil", .date(knownUntil)),
                ("consecutiveFailures", .number(Double(consecutiveFailures))),
                ("nextFetch", .date(nextFetch)),
            ]))
    }
}
