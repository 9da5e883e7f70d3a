import Foundation
import JSON

/// The subset of JSON Schema draft-04 the OCPP 1.6 schemas use (type, properties, required,
/// enum, maxLength, format date-time and uri, multipleOf, additionalProperties, items,
/// minItems, and minimum for what the field tables add), written independently of the
/// production decoder so that it can check it.
struct JSONSchemaValidator {
    let schema: JSONValue

    /// The least `connectorId` of each message as the OCPP 1.6 field tables (section 6) give it,
    /// where the JSON schemas say only "integer": `connectorId > 0` for StartTransaction.req, `>= 0`
    /// where 0 is the charge point as a whole. The decoder holds payloads to these as well.
    static let connectorIdMinimums: [String: Int] = [
        "StartTransaction": 1, "RemoteStartTransaction": 1, "UnlockConnector": 1, "TriggerMessage": 1,
        "StatusNotification": 0, "MeterValues": 0, "ChangeAvailability": 0, "ReserveNow": 0,
        "SetChargingProfile": 0, "GetCompositeSchedule": 0, "ClearChargingProfile": 0,
    ]

    /// Loads `Tests/Fixtures/ocpp16-schemas/<name>.json`, with the field table's `connectorIdMinimums`.
    init(named name: String) throws {
        let folder = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/ocpp16-schemas")
        let data = try Data(contentsOf: folder.appendingPathComponent("\(name).json"))
        var schema = try JSONParser.parse([UInt8](data))
        if let minimum = Self.connectorIdMinimums[name], case .object(var root) = schema,
            case .object(var properties)? = root["properties"], case .object(var connector)? = properties["connectorId"]
        {
            connector["minimum"] = .number(Double(minimum))
            properties["connectorId"] = .object(connector)
            root["properties"] = .object(properties)
            schema = .object(root)
        }
        self.schema = schema
    }

    /// Every violation, as `path: problem`; empty when the value is valid.
    func violations(of value: JSONValue) -> [String] {
        var problems: [String] = []
        check(value, against: schema, at: "", into: &problems)
        return problems
    }

    private func check(_ value: JSONValue, against schema: JSONValue, at path: String, into problems: inout [String]) {
        let label = path.isEmpty ? "(payload)" : path
        if let type = schema["type"]?.stringValue, !matches(value, type: type) {
            problems.append("\(label): not of type \(type)")
            return
        }
        if let allowed = schema["enum"]?.arrayValue, !allowed.contains(value) {
            problems.append("\(label): not in enum")
        }
        if case .string(let text) = value {
            if let maxLength = schema["maxLength"]?.intValue, text.unicodeScalars.count > maxLength {
                problems.append("\(label): longer than \(maxLength)")
            }
            switch schema["format"]?.stringValue {
            case "date-time" where !Self.isDateTime(text): problems.append("\(label): not a date-time")
            case "uri" where !Self.isURI(text): problems.append("\(label): not a uri")
            default: break
            }
        }
        if case .number(let number) = value, let minimum = schema["minimum"]?.doubleValue, number < minimum {
            problems.append("\(label): below \(minimum)")
        }
        if case .number(let number) = value, let divisor = schema["multipleOf"]?.doubleValue {
            let quotient = number / divisor
            if abs(quotient - quotient.rounded()) > 1e-9 * max(1, abs(quotient)) {
                problems.append("\(label): not a multiple of \(divisor)")
            }
        }
        if case .object(let object) = value {
            let properties = schema["properties"]?.objectValue ?? JSONObject()
            for name in schema["required"]?.arrayValue ?? [] {
                if let name = name.stringValue, object[name] == nil {
                    problems.append("\(path.isEmpty ? name : "\(path).\(name)"): required")
                }
            }
            for (key, member) in object {
                let memberPath = path.isEmpty ? key : "\(path).\(key)"
                if let memberSchema = properties[key] {
                    check(member, against: memberSchema, at: memberPath, into: &problems)
                } else if schema["additionalProperties"] == .bool(false) {
                    problems.append("\(memberPath): additional property")
                }
            }
        }
        if case .array(let items) = value {
            if let minItems = schema["minItems"]?.intValue, items.count < minItems {
                problems.append("\(label): fewer than \(minItems) items")
            }
            if let itemSchema = schema["items"] {
                for (index, item) in items.enumerated() {
                    check(item, against: itemSchema, at: "\(path)[\(index)]", into: &problems)
                }
            }
        }
    }

    private func matches(_ value: JSONValue, type: String) -> Bool {
        switch (type, value) {
        case ("object", .object), ("array", .array), ("string", .string), ("boolean", .bool), ("number", .number):
            true
        case ("integer", .number(let number)): number.rounded() == number
        case ("null", .null): true
        default: false
        }
    }

    /// RFC 3986: a scheme (a letter, then letters, digits, `+`, `-`, `.`), a colon, no spaces.
    private static func isURI(_ text: String) -> Bool {
        text.wholeMatch(of: #/[A-Za-z][A-Za-z0-9+.\-]*:[^\s\x00-\x1F\x7F]*/#) != nil
    }

    private static func isDateTime(_ text: String) -> Bool {
        let pattern = #/\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})/#
        return text.wholeMatch(of: pattern) != nil
    }
}
