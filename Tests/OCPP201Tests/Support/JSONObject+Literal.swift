import JSON

/// A `JSONObject` from a dictionary literal (`JSONValue` has the literal conformances).
func object(_ value: JSONValue) -> JSONObject {
    value.objectValue ?? JSONObject()
}
