/// Days from `first` to `last`, both included, read Monday first and wrapping past Sunday
/// (`fri..mon` is Friday, Saturday, Sunday and Monday). A single day is a range from and to
/// itself.
public struct WeekdayRange: Sendable, Hashable, CustomStringConvertible {
    public var first: Weekday
    public var last: Weekday

    public init(_ first: Weekday, _ last: Weekday) {
        self.first = first
        self.last = last
    }

    /// Bit `d` set for each day in the range, `d` its `mondayFirstIndex`.
    public var mask: UInt8 {
        var mask: UInt8 = 0
        var day = first
        while true {
            mask |= 1 << UInt8(day.mondayFirstIndex)
            if day == last { return mask }
            day = day.next
        }
    }

    /// `mon..fri`, or `sat` for a single day.
    public var description: String {
        first == last ? first.abbreviation : "\(first.abbreviation)..\(last.abbreviation)"
    }
}
