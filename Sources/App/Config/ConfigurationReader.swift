import JSON

/// Walks a configuration's JSON, checking types and ranges, and collects every problem with its
/// key path instead of stopping at the first.
struct ConfigurationReader {
    private(set) var problems: [ConfigurationProblem] = []

    mutating func report(_ path: String, _ message: String) {
        problems.append(ConfigurationProblem(path: path, message: message))
    }

    static func path(_ parent: String, _ key: String) -> String {
        parent.isEmpty ? key : "\(parent).\(key)"
    }

    /// The object at `path`, after reporting each key not in `known` as unknown (`known: nil`: any
    /// key goes, as in `chargers`); `nil` (reported) when the value is not an object.
    mutating func object(_ value: JSONValue, at path: String, known: [String]?) -> JSONObject? {
        guard case .object(let object) = value else {
            report(path, "expected an object")
            return nil
        }
        for key in object.keys where known.map({ !$0.contains(key) }) ?? false {
            report(Self.path(path, key), "unknown key")
        }
        return object
    }

    /// The converted value of `object[key]`: `nil` when the key is absent, or (reported as
    /// "expected \(expected)") when `convert` refuses it.
    mutating func value<T>(
        _ object: JSONObject, _ key: String, in parent: String, expected: String,
        _ convert: (JSONValue) -> T?
    ) -> T? {
        guard let value = object[key] else { return nil }
        guard let converted = convert(value) else {
            report(Self.path(parent, key), "expected \(expected)")
            return nil
        }
        return converted
    }

    mutating func string(_ object: JSONObject, _ key: String, in parent: String) -> String? {
        value(object, key, in: parent, expected: "a string") { $0.stringValue }
    }

    mutating func nonEmptyString(_ object: JSONObject, _ key: String, in parent: String) -> String? {
        value(object, key, in: parent, expected: "a non-empty string") {
            $0.stringValue.flatMap { $0.isEmpty ? nil : $0 }
        }
    }

    mutating func bool(_ object: JSONObject, _ key: String, in parent: String) -> Bool? {
        value(object, key, in: parent, expected: "true or false") { $0.boolValue }
    }

    /// A number in `range`. A wrong type is reported as "expected a number", a number out of range
    /// as "expected a number from 0.1 to 3600", so that a type error reads the same for every
    /// numeric key and a range error says what is allowed.
    mutating func number(_ object: JSONObject, _ key: String, in parent: String, _ range: NumberRange) -> Double? {
        checked(object, key, in: parent, range, type: "a number") { range.number($0) }
    }

    /// As `number`, for whole numbers: "expected an integer", "expected an integer from 1 to 65535".
    mutating func integer(_ object: JSONObject, _ key: String, in parent: String, _ range: NumberRange) -> Int? {
        checked(object, key, in: parent, range, type: "an integer") { range.integer($0) }
    }

    private mutating func checked<T>(
        _ object: JSONObject, _ key: String, in parent: String, _ range: NumberRange, type: String,
        _ convert: (Double) -> T?
    ) -> T? {
        guard let value = object[key] else { return nil }
        guard let number = value.doubleValue, !range.integersOnly || number.rounded() == number else {
            report(Self.path(parent, key), "expected \(type)")
            return nil
        }
        guard let converted = convert(number) else {
            report(Self.path(parent, key), "expected \(range)")
            return nil
        }
        return converted
    }

    /// Any mistake reads "expected an integer from 1 to 65535": a port is one thing or the other.
    mutating func port(_ object: JSONObject, _ key: String, in parent: String) -> Int? {
        let range = NumberRange.integers(1...65535)
        return value(object, key, in: parent, expected: range.description) { $0.doubleValue.flatMap(range.integer) }
    }

    mutating func oneOf<T: RawRepresentable<String> & CaseIterable>(
        _ object: JSONObject, _ key: String, in parent: String, _ type: T.Type
    ) -> T? {
        value(object, key, in: parent, expected: Self.choices(T.allCases.map(\.rawValue))) {
            $0.stringValue.flatMap(T.init(rawValue:))
        }
    }

    /// `"a" or "b"`, `one of "a", "b" or "c"`.
    static func choices(_ names: [String]) -> String {
        let quoted = names.map { "\"\($0)\"" }
        guard quoted.count > 1 else { return quoted.first ?? "" }
        if quoted.count == 2 { return "\(quoted[0]) or \(quoted[1])" }
        return "one of " + quoted.dropLast().joined(separator: ", ") + " or " + quoted.last!
    }
}
