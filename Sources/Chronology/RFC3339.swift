import Foundation

/// RFC 3339 date-times (`2026-11-25T08:00:00Z`, `2026-11-25T09:00:00.123+01:00`): the dates of
/// OCPP's `format: date-time`, of the database, of the log, of the HTTP API and of the command
/// line. Parsed and written by hand, at millisecond precision so that a written date reads back
/// equal: `ISO8601DateFormatter` is slow and not Sendable, `Date.ISO8601FormatStyle` accepts
/// dates that do not exist (30 February, `24:00:00`), and the store and the log write dates by
/// the thousand.
///
/// The grammar is RFC 3339 section 5.6: `T` and `Z` in either case, a fraction of any length,
/// an offset `Z` or `+HH:MM`/`-HH:MM`, second 60 for a leap second. What it does not allow
/// (no offset, a space for `T`, no seconds) is read only where `ParseOptions` asks.
public enum RFC3339 {
    /// The instant `text` names, or nil when it is not a date-time (of the form `options`
    /// allow) or names a date that does not exist.
    public static func parse(_ text: String, options: ParseOptions = []) -> Date? {
        var text = text
        return text.withUTF8 { parse(utf8: $0, options: options) }
    }

    /// `date` in UTC: `2026-11-25T08:00:00.123Z` with `.milliseconds`. Rounded to the nearest
    /// millisecond; years outside 0000...9999, which RFC 3339 cannot express, are clamped.
    public static func format(_ date: Date, fraction: Fraction) -> String {
        format(millisecondsSince1970: milliseconds(of: date), fraction: fraction)
    }

    /// The milliseconds since 1970 `format` writes: rounded, clamped to 0000...9999.
    static func milliseconds(of date: Date) -> Int64 {
        let seconds = date.timeIntervalSince1970
        guard seconds.isFinite else { return 0 }
        let milliseconds = (seconds * 1000).rounded()
        return Int64(max(min(milliseconds, Double(latestMilliseconds)), Double(earliestMilliseconds)))
    }

    /// 0000-01-01T00:00:00.000Z and 9999-12-31T23:59:59.999Z.
    static let earliestMilliseconds: Int64 = -62_167_219_200_000
    static let latestMilliseconds: Int64 = 253_402_300_799_999

    static func format(millisecondsSince1970 milliseconds: Int64, fraction: Fraction) -> String {
        var days = milliseconds / 86_400_000
        var rest = milliseconds % 86_400_000
        if rest < 0 {
            days -= 1
            rest += 86_400_000
        }
        let date = CivilDate(daysSince1970: days)
        let millisecond = rest % 1000
        let writesFraction = fraction == .milliseconds || fraction == .millisecondsIfAny && millisecond != 0
        return String(unsafeUninitializedCapacity: 24) { bytes in
            ASCIIDigits.write(date.year, width: 4, into: bytes, at: 0)
            bytes[4] = UInt8(ascii: "-")
            ASCIIDigits.write(date.month, width: 2, into: bytes, at: 5)
            bytes[7] = UInt8(ascii: "-")
            ASCIIDigits.write(date.day, width: 2, into: bytes, at: 8)
            bytes[10] = UInt8(ascii: "T")
            ASCIIDigits.write(rest / 3_600_000, width: 2, into: bytes, at: 11)
            bytes[13] = UInt8(ascii: ":")
            ASCIIDigits.write(rest / 60_000 % 60, width: 2, into: bytes, at: 14)
            bytes[16] = UInt8(ascii: ":")
            ASCIIDigits.write(rest / 1000 % 60, width: 2, into: bytes, at: 17)
            guard writesFraction else {
                bytes[19] = UInt8(ascii: "Z")
                return 20
            }
            bytes[19] = UInt8(ascii: ".")
            ASCIIDigits.write(millisecond, width: 3, into: bytes, at: 20)
            bytes[23] = UInt8(ascii: "Z")
            return 24
        }
    }

    static func parse(utf8 bytes: UnsafeBufferPointer<UInt8>, options: ParseOptions) -> Date? {
        var position = 0
        func number(_ digits: Int) -> Int64? {
            guard position + digits <= bytes.count else { return nil }
            var value: Int64 = 0
            for _ in 0..<digits {
                let byte = bytes[position]
                guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
                value = value * 10 + Int64(byte - UInt8(ascii: "0"))
                position += 1
            }
            return value
        }
        func expect(_ byte: UInt8, or other: UInt8? = nil) -> Bool {
            guard position < bytes.count, bytes[position] == byte || bytes[position] == other else { return false }
            position += 1
            return true
        }
        let space: UInt8? = options.contains(.spaceSeparator) ? UInt8(ascii: " ") : nil
        guard let year = number(4), expect(UInt8(ascii: "-")), let month = number(2), expect(UInt8(ascii: "-")),
            let day = number(2), expect(UInt8(ascii: "T"), or: UInt8(ascii: "t")) || space.map({ expect($0) }) == true,
            let hour = number(2), expect(UInt8(ascii: ":")), let minute = number(2)
        else { return nil }
        var second: Int64 = 0
        let hasSeconds = expect(UInt8(ascii: ":"))
        if hasSeconds {
            guard let value = number(2) else { return nil }
            second = value
        } else if !options.contains(.secondsOptional) {
            return nil
        }
        let date = CivilDate(year: year, month: month, day: day)
        // 60: a leap second, which RFC 3339 allows (it reads as the first second of the next minute).
        guard date.isValid, hour <= 23, minute <= 59, second <= 60 else { return nil }
        var milliseconds: Int64 = 0
        if hasSeconds, position < bytes.count, bytes[position] == UInt8(ascii: ".") {
            position += 1
            var fraction: Int64 = 0
            var scale: Int64 = 1
            var digitCount = 0
            while position < bytes.count, bytes[position] >= UInt8(ascii: "0"), bytes[position] <= UInt8(ascii: "9") {
                // Digits past the fourth cannot change the rounded millisecond.
                if digitCount < 4 {
                    fraction = fraction * 10 + Int64(bytes[position] - UInt8(ascii: "0"))
                    scale *= 10
                }
                digitCount += 1
                position += 1
            }
            guard digitCount > 0 else { return nil }
            milliseconds = (fraction * 1000 + scale / 2) / scale
        }
        var offsetSeconds: Int64 = 0
        if position == bytes.count {
            guard options.contains(.offsetOptional) else { return nil }
        } else if expect(UInt8(ascii: "Z"), or: UInt8(ascii: "z")) {
            offsetSeconds = 0
        } else {
            let sign = bytes[position]
            guard sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") else { return nil }
            position += 1
            guard let offsetHours = number(2), expect(UInt8(ascii: ":")), let offsetMinutes = number(2),
                offsetHours <= 23, offsetMinutes <= 59
            else { return nil }
            offsetSeconds = (offsetHours * 3600 + offsetMinutes * 60) * (sign == UInt8(ascii: "-") ? -1 : 1)
        }
        guard position == bytes.count else { return nil }
        let seconds = date.daysSince1970 * 86_400 + hour * 3600 + minute * 60 + second - offsetSeconds
        // One division of exact integers: the Double nearest the millisecond, the same value a
        // literal such as 1_795_593_600.123 gives, so a written date reads back equal.
        return Date(timeIntervalSince1970: Double(seconds * 1000 + milliseconds) / 1000)
    }
}
