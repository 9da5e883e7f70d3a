import JSON

/// The members of a JSON request body, read with errors that name the field
/// (`connector: expected a positive integer`). A member that is absent or `null` reads as nil;
/// one of the wrong type is a 400.
struct RequestFields: Sendable {
    let object: JSONObject

    init(object: JSONObject) {
        self.object = object
    }

    private func present(_ key: String) -> JSONValue? {
        guard let value = object[key], value != .null else { return nil }
        return value
    }

    func integer(_ key: String, minimum: Int) throws(APIError) -> Int? {
        guard let value = present(key) else { return nil }
        guard let integer = value.intValue, integer >= minimum else {
            throw .badRequest("\(key): \(RequestFields.integerExpectation(minimum: minimum))")
        }
        return integer
    }

    func requiredInteger(_ key: String, minimum: Int) throws(APIError) -> Int {
        guard let integer = try integer(key, minimum: minimum) else {
            throw .badRequest("\(key): \(RequestFields.integerExpectation(minimum: minimum))")
        }
        return integer
    }

    /// A number greater than zero (or at least zero with `allowingZero`).
    func number(_ key: String, allowingZero: Bool = false) throws(APIError) -> Double? {
        guard let value = present(key) else { return nil }
        guard let number = value.doubleValue, number.isFinite, allowingZero ? number >= 0 : number > 0 else {
            throw .badRequest("\(key): expected a \(allowingZero ? "non-negative" : "positive") number")
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

    static func integerExpectation(minimum: Int) -> String {
        switch minimum {
        case 0: "expected a non-negative integer"
        case 1: "expected a positive integer"
        default: "expected an integer of at least \(minimum)"
        }
    }
}
