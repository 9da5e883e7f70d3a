/// Why a charger id is refused at the WebSocket upgrade (`ChargerIdRules.problem(with:)`).
public enum ChargerIdProblem: Sendable, Equatable, CustomStringConvertible {
    /// Nothing to name the charger by.
    case empty
    /// More than `ChargerIdRules.maximumLength` characters; how many.
    case tooLong(characters: Int)
    /// A control, format or other character that is not printable; the first one.
    case notPrintable(Unicode.Scalar)

    public var description: String {
        switch self {
        case .empty:
            "it is empty"
        case .tooLong(let characters):
            "it has \(characters) characters, more than the \(ChargerIdRules.maximumLength) OCPP allows"
        case .notPrintable(let scalar):
            "it contains U+\(Self.hex(scalar)), which is not a printable character"
        }
    }

    private static func hex(_ scalar: Unicode.Scalar) -> String {
        let digits = String(scalar.value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}
