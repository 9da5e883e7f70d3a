import JSON

/// The members of a JSON request body, read with errors that name the field and what it takes
/// (`connector: expected an integer from 1 to 1000`). A member that is absent or `null` reads as
/// nil; one of the wrong type or out of range is a 400.
struct RequestFields: Sendable {
    let object: JSONObject

    init(object: JSONObject) {
        self.object = object
    }

    private func present(_ key: String) -> JSONValue? {
        guard let value = object[key], value != .null else { return nil }
        return value
    }

    /// A whole number in `range` (`connector: expected an integer from 1 to 1000`).
    func integer(_ key: String, in range: NumberRange) throws(APIError) -> Int? {
        guard let value = present(key) else { return nil }
        guard let integer = value.doubleValue.flatMap(range.integer) else {
            throw .badRequest("\(key): expected \(range)")
        }
        return integer
    }

    func requiredInteger(_ key: String, in range: NumberRange) throws(APIError) -> Int {
        guard let integer = try integer(key, in: range) else { throw .badRequest("\(key): expected \(range)") }
        return integer
    }

    /// A number in `range` (`amps: expected a number from 0 to 5000`).
    func number(_ key: String, in range: NumberRange) throws(APIError) -> Double? {
        guard let value = present(key) else { return nil }
        guard let number = value.doubleValue.flatMap(range.number) else {
            throw .badRequest("\(key): expected \(range)")
        }
        return number
    }

    func string(_ key: String) throws(APIError) -> String? {
        guard let value = present(key) else { return nil }
        guard let text = value.stringValue, !text.isEmpty else {
            throw .badRequest("\(key): expected a non-empty string")
        }
        return text
    }

    func requiredString(_ key: String) throws(APIError) -> String {
        guard let text = try string(key) else { throw .badRequest("\(key): expected a non-empty string") }
        return text
    }

    /// One of `choices`, spelled exactly.
    func requiredChoice(_ key: String, _ choices: [String]) throws(APIError) -> String {
        guard let text = present(key)?.stringValue, choices.contains(text) else {
            let listed = choices.map { "\"\($0)\"" }
            let expected =
                listed.count == 2 ? "\(listed[0]) or \(listed[1])" : "one of " + listed.joined(separator: ", ")
            throw .badRequest("\(key): expected \(expected)")
        }
        return text
    }

    func requiredBool(_ key: String) throws(APIError) -> Bool {
        guard let flag = present(key)?.boolValue else { throw .badRequest("\(key): expected true or false") }
        return flag
    }
}
