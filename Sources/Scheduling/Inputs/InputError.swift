/// Why a `PUT /api/inputs` body was refused; nothing of it is applied then. Each message names
/// the input and the rule it breaks.
public enum InputError: Error, Sendable, Hashable, CustomStringConvertible {
    case notAnObject
    case badName(String)
    /// A name longer than `InputName.maxLength`; `prefix` is its start, `length` its length.
    case nameTooLong(prefix: String, length: Int)
    case notANumber(name: String)
    case outOfRange(name: String)
    /// Adding `name` would store more than `InputSet.maxCount` inputs.
    case tooManyInputs(name: String)

    public var description: String {
        switch self {
        case .notAnObject: "expected an object of input names to numbers"
        case .badName(let name):
            "\(name): unknown input (grid.power, solar.power, solar.surplus, "
                + "or input.NAME with letters, digits, _ and -)"
        case .nameTooLong(let prefix, let length):
            "\(prefix)...: an input name has at most \(InputName.maxLength) characters, this one \(length)"
        case .notANumber(let name): "\(name): expected a number (or null to remove it)"
        case .outOfRange(let name): "\(name): expected \(InputUpdate.valueRange) (or null to remove it)"
        case .tooManyInputs(let name):
            "\(name): at most \(InputSet.maxCount) inputs are kept and that many are known already; "
                + "remove unused ones with null"
        }
    }
}
