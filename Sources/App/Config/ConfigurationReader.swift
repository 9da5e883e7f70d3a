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

    mutating func number(_ object: JSONObject, _ key: String, in parent: String) -> Double? {
        value(object, key, in: parent, expected: "a number") { $0.doubleValue }
    }

    /// A wrong type is reported as "expected a number", a number out of range as "expected a
    /// number \(range)", so that a type error reads the same for every numeric key.
    mutating func number(
        _ object: JSONObject, _ key: String, in parent: String, _ range: String, where isValid: (Double) -> Bool
    ) -> Double? {
        guard let value = object[key] else { return nil }
        guard let number = value.doubleValue else {
            report(Self.path(parent, key), "expected a number")
            return nil
        }
        guard isValid(number) else {
            report(Self.path(parent, key), "expected a number \(range)")
            return nil
        }
        return number
    }

    mutating func positiveNumber(_ object: JSONObject, _ key: String, in parent: String) -> Double? {
        number(object, key, in: parent, "above 0") { $0 > 0 }
    }

    mutating func nonNegativeNumber(_ object: JSONObject, _ key: String, in parent: String) -> Double? {
        number(object, key, in: parent, "of 0 or more") { $0 >= 0 }
    }

    /// As `number`, for whole numbers: "expected an integer", "expected an integer \(range)".
    mutating func integer(
        _ object: JSONObject, _ key: String, in parent: String, _ range: String, where isValid: (Int) -> Bool
    ) -> Int? {
        guard let value = object[key] else { return nil }
        guard let integer = value.intValue else {
            report(Self.path(parent, key), "expected an integer")
            return nil
        }
        guard isValid(integer) else {
            report(Self.path(parent, key), "expected an integer \(range)")
            return nil
        }
        return integer
    }

    mutating func port(_ object: JSONObject, _ key: String, in parent: String) -> Int? {
        value(object, key, in: parent, expected: "an integer from 1 to 65535") {
            $0.intValue.flatMap { (1...65535).contains($0) ? $0 : nil }
        }
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
