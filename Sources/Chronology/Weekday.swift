/// A day of the week, numbered as ISO 8601 numbers them: Monday = 1 ... Sunday = 7.
public enum Weekday: Int, Sendable, Hashable, CaseIterable, Comparable, CustomStringConvertible {
    case monday = 1, tuesday, wednesday, thursday, friday, saturday, sunday

    /// The three-letter English name the configuration and the rules use (`mon`, `tue`, ...).
    public var abbreviation: String {
        switch self {
        case .monday: "mon"
        case .tuesday: "tue"
        case .wednesday: "wed"
        case .thursday: "thu"
        case .friday: "fri"
        case .saturday: "sat"
        case .sunday: "sun"
        }
    }

    /// The day whose abbreviation is `abbreviation`, in any case (`mon`, `MON`, `Mon`).
    public init?(abbreviation: some StringProtocol) {
        guard let day = Weekday.allCases.first(where: { $0.abbreviation == abbreviation.lowercased() }) else {
            return nil
        }
        self = day
    }

    /// 0 = Monday ... 6 = Sunday: the position in a week that starts on Monday, as ranges such as
    /// `mon..sun` read; also the bit of the day in `WeekdaySet.mask`.
    public var mondayFirstIndex: Int { rawValue - 1 }

    /// The day at `index` (0 = Monday) of a week that starts on Monday; wraps past Sunday.
    public init(mondayFirstIndex index: Int) {
        self = Weekday(rawValue: ((index % 7) + 7) % 7 + 1)!
    }

    /// The day after this one (Monday after Sunday).
    public var next: Weekday { Weekday(mondayFirstIndex: mondayFirstIndex + 1) }

    /// The day before this one (Sunday before Monday).
    public var previous: Weekday { Weekday(mondayFirstIndex: mondayFirstIndex - 1) }

    public var description: String { abbreviation }

    public static func < (lhs: Weekday, rhs: Weekday) -> Bool { lhs.rawValue < rhs.rawValue }
}
