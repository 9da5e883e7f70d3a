import Foundation
import JSON

/// The subset of JSON Schema the OCPP schemas use, written independently of the production decoder
/// so that it can check it: draft-04 for OCPP 1.6 (type, properties, required, enum, maxLength,
/// format date-time and uri, multipleOf, additionalProperties, items, minItems, and minimum for
/// what the 1.6 field tables add) and draft-06 for OCPP 2.0.1 (the same, and `definitions` with
/// `$ref`, maxItems, minimum and maximum).
public struct JSONSchemaValidator {
    public let schema: JSONValue

    public init(schema: JSONValue) {
        self.schema = schema
    }

    /// Loads `Tests/Fixtures/<folder>/<name>.json`.
    public init(fixture name: String, in folder: String) throws {
        let fixtures = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures")
        let data = try Data(contentsOf: fixtures.appendingPathComponent(folder).appendingPathComponent("\(name).json"))
        self.init(schema: try JSONParser.parse([UInt8](data)))
    }

    /// Every violation, as `path: problem`; empty when the value is valid.
    public func violations(of value: JSONValue) -> [String] {
        var problems: [String] = []
        check(value, against: schema, at: "", into: &problems)
        return problems
    }

    /// The schema a `$ref` (`#/definitions/Name`, the only form the OCPP schemas use) points at.
    public func resolved(_ schema: JSONValue) -> JSONValue {
        guard let reference = schema["$ref"]?.stringValue else { return schema }
        let prefix = "#/definitions/"
        guard reference.hasPrefix(prefix),
            let target = self.schema["definitions"]?[String(reference.dropFirst(prefix.count))]
        else {
            preconditionFailure("unresolvable $ref \(reference)")
        }
        return resolved(target)
    }

    private func check(_ value: JSONValue, against schema: JSONValue, at path: String, into problems: inout [String]) {
        let schema = resolved(schema)
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
        if case .number(let number) = value {
            if let minimum = schema["minimum"]?.doubleValue, number < minimum {
                problems.append("\(label): below \(minimum)")
            }
            if let maximum = schema["maximum"]?.doubleValue, number > maximum {
                problems.append("\(label): above \(maximum)")
            }
            if let divisor = schema["multipleOf"]?.doubleValue {
                let quotient = number / divisor
                if abs(quotient - quotient.rounded()) > 1e-9 * max(1, abs(quotient)) {
                    problems.append("\(label): not a multiple of \(divisor)")
                }
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
            if let maxItems = schema["maxItems"]?.intValue, items.count > maxItems {
                problems.append("\(label): more than \(maxItems) items")
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

    /// `dddd-dd-ddTdd:dd:dd`, an optional fraction, then `Z` or `+hh:mm`/`-hh:mm` (RFC 3339's
    /// shape). Matched by hand: a Regex here made the differential tests spend most of their time
    /// matching dates.
    private static func isDateTime(_ text: String) -> Bool {
        var rest = Substring(text).utf8[...]
        func take(_ shape: String) -> Bool {
            for expected in shape.utf8 {
                guard let byte = rest.first else { return false }
                let matches =
                    switch expected {
                    case UInt8(ascii: "d"): (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
                    case UInt8(ascii: "T"): byte == UInt8(ascii: "T") || byte == UInt8(ascii: "t")
                    default: byte == expected
                    }
                guard matches else { return false }
                rest = rest.dropFirst()
            }
            return true
        }
        guard take("dddd-dd-ddTdd:dd:dd") else { return false }
        if rest.first == UInt8(ascii: ".") {
            rest = rest.dropFirst()
            guard take("d") else { return false }
            while let byte = rest.first, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) {
                rest = rest.dropFirst()
            }
        }
        if rest.first == UInt8(ascii: "Z") || rest.first == UInt8(ascii: "z") {
            rest = rest.dropFirst()
        } else if rest.first == UInt8(ascii: "+") || rest.first == UInt8(ascii: "-") {
            rest = rest.dropFirst()
            guard take("dd:dd") else { return false }
        } else {
            return false
        }
        return rest.isEmpty
    }
}
