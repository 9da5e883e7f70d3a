/// Days written as `mon..fri`, `sat, sun` or `mon..wed, sat` (a range may wrap: `fri..mon`).
struct WeekdaySet: Equatable {
    static let names = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]

    /// A range as written, 0 = Monday; a single day is a range from and to itself.
    struct DayRange: Equatable {
        var from: Int
        var to: Int
    }

    var ranges: [DayRange]

    /// Bit `d` set when day `d` (0 = Monday) is included.
    var mask: UInt8 {
        var mask: UInt8 = 0
        for pair in ranges {
            var day = pair.from
            while true {
                mask |= 1 << UInt8(day)
                if day == pair.to { break }
                day = (day + 1) % 7
            }
        }
        return mask
    }

    var description: String {
        ranges.map { pair in
            pair.from == pair.to ? Self.names[pair.from] : "\(Self.names[pair.from])..\(Self.names[pair.to])"
        }.joined(separator: ", ")
    }
}
