import JSON
import Rules

extension Rule {
    /// A loaded rule of `GET /api/rules`.
    var apiRepresentation: JSONValue {
        .object(
            JSONObject([
                ("name", .string(name)),
                ("file", .string(path)),
                ("line", .number(Double(location.line))),
                ("priority", .number(Double(priority))),
                ("text", .string(text)),
            ]))
    }
}
