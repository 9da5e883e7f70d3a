/// Why a `PUT /api/inputs` body was refused; nothing of it is applied then.
public enum InputError: Error, Sendable, Hashable, CustomStringConvertible {
    case notAnObject
    case badName(String)
    case notANumber(name: String)

    public var description: String {
        switch self {
        case .notAnObject: "expected an object of input names to numbers"
        case .badName(let name):
            "\(name): unknown input (grid.power, solar.power, solar.surplus, "
                + "or input.NAME with letters, digits, _ and -)"
        case .notANumber(let name): "\(name): expected a number (or null to remove it)"
        }
    }
}
