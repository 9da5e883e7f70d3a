/// The name of a user input: `grid.power`, `solar.power`, `solar.surplus` or `input.NAME`,
/// where NAME is one or more ASCII letters, digits, `_` and `-`, `maxLength` characters in all.
public struct InputName: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Enough for any name a person gives a meter (`input.carport_battery_soc_2` is 27); every
    /// name is shown by `GET /api/inputs`, kept in the database and written in logs.
    public static let maxLength = 64

    public let rawValue: String

    public static let gridPower = InputName(unchecked: "grid.power")
    public static let solarPower = InputName(unchecked: "solar.power")
    public static let solarSurplus = InputName(unchecked: "solar.surplus")

    /// `nil` for any other form (`grid.Power`, `input.`, `input.a.b`, `price`).
    public init?(_ text: String) {
        if ["grid.power", "solar.power", "solar.surplus"].contains(text) {
            rawValue = text
            return
        }
        guard text.hasPrefix("input."), text.utf8.count <= Self.maxLength else { return nil }
        let name = text.utf8.dropFirst("input.".utf8.count)
        let allowed = { (byte: UInt8) -> Bool in
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
                || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
                || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
                || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")
        }
        guard !name.isEmpty, name.allSatisfy(allowed) else { return nil }
        rawValue = text
    }

    private init(unchecked: String) { rawValue = unchecked }

    public var description: String { rawValue }

    public static func < (lhs: InputName, rhs: InputName) -> Bool { lhs.rawValue < rhs.rawValue }
}
