import Foundation
import JSON

/// A `PUT /api/inputs` body, checked: each input with its new value, or `nil` to remove it.
///
/// Read straight from the parsed request (docs/api.md): a number in base units, a string that holds
/// one (`"1234.5"`, as Home Assistant sends states), or `null`. Names are checked here
/// (`InputName`, at most `InputName.maxLength` characters) and values against `valueRange`;
/// how many inputs may be kept is the `InputSet`'s to check, since it knows what it holds.
public struct InputUpdate: Sendable, Equatable {
    /// The values an input may have: a gigawatt either way covers any grid connection in watts,
    /// and any plain number a user pushes as `input.NAME`; the rules multiply and add inputs, so
    /// an input near the largest Double would turn a limit into infinity.
    public static let valueRange = NumberRange.numbers(-1_000_000_000...1_000_000_000)

    /// By name; `nil` removes the input.
    public var values: [InputName: Double?]

    public init(values: [InputName: Double?]) {
        self.values = values
    }

    /// By name as the store keeps them (`Store.recordInputs`).
    public var storedValues: [String: Double?] {
        Dictionary(uniqueKeysWithValues: values.map { ($0.key.rawValue, $0.value) })
    }

    /// Checks a parsed body; the first problem refuses it whole.
    public init(json body: JSONValue) throws(InputError) {
        guard let object = body.objectValue else { throw .notAnObject }
        var values: [InputName: Double?] = [:]
        for (key, value) in object {
            if key.count > InputName.maxLength {
                throw .nameTooLong(prefix: String(key.prefix(InputName.maxLength)), length: key.count)
            }
            guard let name = InputName(key) else { throw .badName(key) }
            switch value {
            case .null:
                values[name] = .some(nil)
            case .number(let number):
                guard let number = Self.valueRange.number(number) else { throw .outOfRange(name: key) }
                values[name] = number
            case .string(let text):
                guard let number = NumberRange.decimal(text.trimmingCharacters(in: .whitespaces)) else {
                    throw .notANumber(name: key)
                }
                guard let inRange = Self.valueRange.number(number) else { throw .outOfRange(name: key) }
                values[name] = inRange
            default:
                throw .notANumber(name: key)
            }
        }
        self.values = values
    }
}
