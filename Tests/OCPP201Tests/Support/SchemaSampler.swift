import JSON
import TestSupport

/// Valid payloads made from a schema alone, without the production types, so that every field of
/// every 2.0.1 message is exercised and checked against an independent reading of its schema.
///
/// `minimal()` has the required properties only, with the smallest values; `maximal(variant:)`
/// has every property, strings at their `maxLength`, integers at their bounds, arrays with two
/// items (or as many as `minItems`/`maxItems` allow, or as asked), a vendor property in every object the schema
/// leaves open (`customData`), and the `variant`-th value of every enumeration, so that the first
/// `variantCount` variants use every value of every enumeration somewhere. Dates are written as
/// the encoder writes them (UTC), so that a round trip must give back exactly the sample.
struct SchemaSampler {
    let validator: JSONSchemaValidator

    init(_ validator: JSONSchemaValidator) {
        self.validator = validator
    }

    /// The number of values of the schema's largest enumeration (1 without enumerations).
    var variantCount: Int {
        let definitions = validator.schema["definitions"]?.objectValue ?? JSONObject()
        return definitions.map { $0.value["enum"]?.arrayValue?.count ?? 1 }.max() ?? 1
    }

    func minimal() -> JSONValue {
        sample(validator.schema, full: false, variant: 0, items: 0, depth: 0)
    }

    /// `items`: how many items an array gets where `minItems` and `maxItems` leave the choice.
    func maximal(variant: Int = 0, items: Int = 2) -> JSONValue {
        sample(validator.schema, full: true, variant: variant, items: items, depth: 0)
    }

    private func sample(_ schema: JSONValue, full: Bool, variant: Int, items: Int, depth: Int) -> JSONValue {
        precondition(depth < 20, "the OCPP 2.0.1 schemas are not recursive")
        let schema = validator.resolved(schema)
        if let values = schema["enum"]?.arrayValue {
            return full ? values[variant % values.count] : values[0]
        }
        switch schema["type"]?.stringValue {
        case "object":
            var object = JSONObject()
            let required = Set((schema["required"]?.arrayValue ?? []).compactMap(\.stringValue))
            for (key, member) in schema["properties"]?.objectValue ?? JSONObject() where full || required.contains(key)
            {
                object[key] = sample(member, full: full, variant: variant, items: items, depth: depth + 1)
            }
            if full, schema["additionalProperties"] != .bool(false) {
                object["vendorSetting"] = ["level": 3, "modes": ["eco", "boost"], "note": .null]
            }
            return .object(object)
        case "array":
            let minItems = schema["minItems"]?.intValue ?? 0
            let maxItems = schema["maxItems"]?.intValue ?? Int.max
            let count = full ? min(max(minItems, items), maxItems) : minItems
            let item = schema["items"] ?? .null
            return .array(
                (0..<count).map { _ in sample(item, full: full, variant: variant, items: items, depth: depth + 1) })
        case "string":
            if schema["format"]?.stringValue == "date-time" {
                return full && variant % 2 == 1 ? "2026-11-25T08:00:00.250Z" : "2026-11-25T08:00:00Z"
            }
            guard full else { return "A" }
            // Non-ASCII on purpose: a length is counted in characters, not bytes.
            let pattern = Array("Wallbox-Ω-".unicodeScalars)
            let length = schema["maxLength"]?.intValue ?? 12
            var scalars = String.UnicodeScalarView()
            scalars.append(contentsOf: (0..<length).map { pattern[$0 % pattern.count] })
            return .string(String(scalars))
        case "integer":
            let minimum = schema["minimum"]?.intValue
            if let maximum = schema["maximum"]?.intValue { return full ? .number(Double(maximum)) : 0 }
            return full ? 42 : .number(Double(minimum ?? 0))
        case "number":
            return full ? 230.4 : 0
        case "boolean":
            return full ? true : false
        case nil:
            // No type: any JSON value (DataTransfer's data).
            return full ? ["colour": "green", "levels": [1, 2.5], "ack": .null] : "data"
        case let other?:
            preconditionFailure("type \(other) is not in the OCPP 2.0.1 schemas")
        }
    }
}
