import JSON
import Scheduling

extension InputStatus {
    /// `{value, updatedAt, ageSeconds, stale}`, keyed by the input's name in the answer.
    var apiRepresentation: JSONValue {
        .object(
            JSONObject([
                ("value", .number(value)),
                ("updatedAt", .date(updatedAt)),
                ("ageSeconds", .rounded(ageSeconds, places: 1)),
                ("stale", .bool(stale)),
            ]))
    }
}
