/// A set of weekdays written as in the configuration: `"mon..sun"`, `"sat,sun"`,
/// `"mon..wed, sat"`.
///
/// Items are separated by commas (spaces around them are ignored); an item is a day or a range
/// `a..b` that includes both ends, read Monday first and wrapping past Sunday (`fri..mon` is
/// Friday to Monday). Day names are the three-letter English abbreviations, in any case.
public struct WeekdaySet: Sendable, Hashable, CustomStringConvertible {
    public static let everyDay = WeekdaySet(Weekday.allCases)

    public private(set) var days: Set<Weekday>

    public init(_ days: some Sequence<Weekday>) {
        self.days = Set(days)
    }

    public init?(_ text: String) {
        var days = Set<Weekday>()
        for item in text.split(separator: ",", omittingEmptySubsequences: false) {
            let item = item.trimmingSpaces()
            let ends = item.split(separator: ".", omittingEmptySubsequences: false)
            if ends.count == 1, let day = Weekday(abbreviation: item) {
                days.insert(day)
            } else if ends.count == 3, ends[1].isEmpty, let first = Weekday(abbreviation: String(ends[0])),
                let last = Weekday(abbreviation: String(ends[2]))
            {
                var index = first.mondayFirstIndex
                while true {
                    let day = Weekday.allCases.first { $0.mondayFirstIndex == index }!
                    days.insert(day)
                    if day == last { break }
                    index = (index + 1) % 7
                }
            } else {
                return nil
            }
        }
        self.days = days
    }

    public func contains(_ day: Weekday) -> Bool { days.contains(day) }

    /// The days Monday first, comma-separated (`mon,tue,sat`).
    public var description: String {
        days.sorted().map(\.abbreviation).joined(separator: ",")
    }
}

extension Substring {
    fileprivate func trimmingSpaces() -> String {
        String(drop(while: { $0 == " " }).reversed().drop(while: { $0 == " " }).reversed())
    }
}
