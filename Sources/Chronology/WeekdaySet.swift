/// A set of weekdays as users write them, in the configuration (`"days": "mon..wed, sat"`) and in
/// rules (`weekday in mon..fri`): days and ranges `a..b` separated by commas.
///
/// A range includes both ends and may wrap past Sunday (`fri..mon`); day names are the
/// three-letter English abbreviations, in any case. Two sets are equal when they hold the same
/// days; `description` shows the ranges as they were written.
public struct WeekdaySet: Sendable, Hashable, CustomStringConvertible {
    public static let everyDay = WeekdaySet(ranges: [WeekdayRange(.monday, .sunday)])

    /// The ranges as written.
    public let ranges: [WeekdayRange]
    /// Bit `d` set when the day with `mondayFirstIndex` `d` is in the set.
    public let mask: UInt8

    public init(ranges: [WeekdayRange]) {
        self.ranges = ranges
        mask = ranges.reduce(0) { $0 | $1.mask }
    }

    /// The set of `days`, each written as a day of its own, Monday first.
    public init(_ days: some Sequence<Weekday>) {
        self.init(ranges: Set(days).sorted().map { WeekdayRange($0, $0) })
    }

    /// Parses `mon..sun`, `sat,sun`, `mon..wed, sat`, `fri..mon` (spaces around the commas are
    /// ignored); nil for anything else, including an empty text or an empty item.
    public init?(_ text: String) {
        var ranges: [WeekdayRange] = []
        for item in text.split(separator: ",", omittingEmptySubsequences: false) {
            let item = item.drop { $0 == " " }.reversed().drop { $0 == " " }.reversed()
            let ends = String(item).split(separator: ".", omittingEmptySubsequences: false)
            if ends.count == 1, let day = Weekday(abbreviation: ends[0]) {
                ranges.append(WeekdayRange(day, day))
            } else if ends.count == 3, ends[1].isEmpty, let first = Weekday(abbreviation: ends[0]),
                let last = Weekday(abbreviation: ends[2])
            {
                ranges.append(WeekdayRange(first, last))
            } else {
                return nil
            }
        }
        self.init(ranges: ranges)
    }

    public func contains(_ day: Weekday) -> Bool { mask & (1 << UInt8(day.mondayFirstIndex)) != 0 }

    /// The days in the set, Monday first.
    public var days: [Weekday] { Weekday.allCases.filter(contains) }

    /// The ranges as written: `mon..wed, sat`.
    public var description: String { ranges.map(\.description).joined(separator: ", ") }

    public static func == (lhs: WeekdaySet, rhs: WeekdaySet) -> Bool { lhs.mask == rhs.mask }

    public func hash(into hasher: inout Hasher) { hasher.combine(mask) }
}
