import Foundation

/// RFC 3339 date-times, the `format: date-time` of the OCPP schemas, parsed and written by
/// hand: `DateFormatter` and `ISO8601DateFormatter` are slow, and every MeterValues frame
/// carries dates. Precision is the millisecond, so a written date reads back equal.
public enum OCPPDateTime {
    /// Parses `2026-11-25T08:00:00Z`, `2026-11-25T09:00:00.123+01:00` and the like.
    ///
    /// With `requiringOffset: false`, a date-time without `Z` or an offset (a common firmware
    /// fault) is read as UTC; the schema does not allow it, so only lenient decoding asks.
    public static func parse(_ text: String, requiringOffset: Bool = true) -> Date? {
        var text = text
        return text.withUTF8 { parse(bytes: $0, requiringOffset: requiringOffset) }
    }

    /// Writes the date in UTC: `2026-11-25T08:00:00Z`, or `2026-11-25T08:00:00.123Z` when it
    /// has milliseconds. Years outside 0000...9999, which RFC 3339 cannot express, are clamped.
    public static func format(_ date: Date) -> String {
        let limit: Int64 = 253_402_300_799_999  // 9999-12-31T23:59:59.999Z
        let seconds = date.timeIntervalSince1970
        var milliseconds = seconds.isFinite ? Int64(max(min(seconds * 1000, 2.6e14), -6.3e13).rounded()) : 0
        milliseconds = max(min(milliseconds, limit), -62_167_219_200_000)  // 0000-01-01T00:00:00Z
        let dayMilliseconds: Int64 = 86_400_000
        var days = milliseconds / dayMilliseconds
        var rest = milliseconds % dayMilliseconds
        if rest < 0 {
            days -= 1
            rest += dayMilliseconds
        }
        let (year, month, day) = civil(fromDays: days)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(24)
        func append(_ value: Int64, digits: Int) {
            var divisor: Int64 = 1
            for _ in 1..<digits { divisor *= 10 }
            var value = value
            while divisor > 0 {
                bytes.append(UInt8(ascii: "0") + UInt8(value / divisor))
                value %= divisor
                divisor /= 10
            }
        }
        append(year, digits: 4)
        bytes.append(UInt8(ascii: "-"))
        append(month, digits: 2)
        bytes.append(UInt8(ascii: "-"))
        append(day, digits: 2)
        bytes.append(UInt8(ascii: "T"))
        append(rest / 3_600_000, digits: 2)
        bytes.append(UInt8(ascii: ":"))
        append(rest / 60_000 % 60, digits: 2)
        bytes.append(UInt8(ascii: ":"))
        append(rest / 1000 % 60, digits: 2)
        if rest % 1000 != 0 {
            bytes.append(UInt8(ascii: "."))
            append(rest % 1000, digits: 3)
        }
        bytes.append(UInt8(ascii: "Z"))
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func parse(bytes: UnsafeBufferPointer<UInt8>, requiringOffset: Bool) -> Date? {
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
        func expect(_ characters: UInt8...) -> Bool {
            guard position < bytes.count, characters.contains(bytes[position]) else { return false }
            position += 1
            return true
        }
        guard let year = number(4), expect(UInt8(ascii: "-")), let month = number(2), expect(UInt8(ascii: "-")),
            let day = number(2), expect(UInt8(ascii: "T"), UInt8(ascii: "t")),
            let hour = number(2), expect(UInt8(ascii: ":")), let minute = number(2), expect(UInt8(ascii: ":")),
            let second = number(2)
        else { return nil }
        guard (1...12).contains(month), day >= 1, day <= daysInMonth(month, year: year), hour <= 23, minute <= 59,
            second <= 60  // 60: a leap second, which RFC 3339 allows
        else { return nil }
        var milliseconds: Int64 = 0
        if position < bytes.count, bytes[position] == UInt8(ascii: ".") {
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
            guard !requiringOffset else { return nil }
        } else if expect(UInt8(ascii: "Z"), UInt8(ascii: "z")) {
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
        let seconds = days(fromCivil: year, month, day) * 86_400 + hour * 3600 + minute * 60 + second - offsetSeconds
        return Date(timeIntervalSince1970: Double(seconds * 1000 + milliseconds) / 1000)
    }

    private static func isLeapYear(_ year: Int64) -> Bool {
        year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
    }

    private static func daysInMonth(_ month: Int64, year: Int64) -> Int64 {
        switch month {
        case 2: isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (eras of 400 years, March-based
    /// years so that the leap day falls at the end).
    private static func days(fromCivil year: Int64, _ month: Int64, _ day: Int64) -> Int64 {
        let year = month <= 2 ? year - 1 : year
        let era = (year >= 0 ? year : year - 399) / 400
        let yearOfEra = year - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The inverse of `days(fromCivil:_:_:)`.
    private static func civil(fromDays days: Int64) -> (year: Int64, month: Int64, day: Int64) {
        let shifted = days + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}
