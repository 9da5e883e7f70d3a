/// A day of the week, numbered as `Calendar`'s `weekday` component (Sunday = 1).
public enum Weekday: Int, Sendable, Hashable, CaseIterable, Comparable {
    case sunday = 1, monday, tuesday, wednesday, thursday, friday, saturday

    /// The three-letter name the configuration uses (`mon`, `tue`, ...).
    public var abbreviation: String {
        switch self {
        case .sunday: "sun"
        case .monday: "mon"
        case .tuesday: "tue"
        case .wednesday: "wed"
        case .thursday: "thu"
        case .friday: "fri"
        case .saturday: "sat"
        }
    }

    public init?(abbreviation: String) {
        guard let day = Weekday.allCases.first(where: { $0.abbreviation == abbreviation.lowercased() }) else {
            return nil
        }
        self = day
    }

    /// Monday first, as the configuration's ranges read (`mon..sun`).
    var mondayFirstIndex: Int { (rawValue + 5) % 7 }

    public static func < (lhs: Weekday, rhs: Weekday) -> Bool { lhs.mondayFirstIndex < rhs.mondayFirstIndex }
}
