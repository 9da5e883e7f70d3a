/// The numbers a setting, flag or field accepts, and the words an error uses for them:
/// `a number from 0.1 to 3600`, `an integer from 1 to 65535`.
///
/// Every number Ampwise reads from a file, a flag or the API goes through one of these. A value
/// outside the bounds, not finite, or with a fraction where an integer is due is refused with
/// `description` as the expectation, so a converted value never traps (`Int(1e19)` does) and no
/// loop whose length follows the value runs for ever. Bounds are inclusive.
public struct NumberRange: Sendable, Hashable, CustomStringConvertible {
    public let lowerBound: Double
    public let upperBound: Double
    /// Only whole numbers.
    public let integersOnly: Bool

    private init(lowerBound: Double, upperBound: Double, integersOnly: Bool) {
        precondition(lowerBound <= upperBound, "an empty range")
        self.lowerBound = lowerBound
        self.upperBound = upperBound
        self.integersOnly = integersOnly
    }

    /// Whole numbers from `bounds.lowerBound` to `bounds.upperBound`.
    public static func integers(_ bounds: ClosedRange<Int>) -> NumberRange {
        NumberRange(
            lowerBound: Double(bounds.lowerBound), upperBound: Double(bounds.upperBound), integersOnly: true)
    }

    /// Any number from `bounds.lowerBound` to `bounds.upperBound`.
    public static func numbers(_ bounds: ClosedRange<Double>) -> NumberRange {
        NumberRange(lowerBound: bounds.lowerBound, upperBound: bounds.upperBound, integersOnly: false)
    }

    public func contains(_ value: Double) -> Bool {
        value.isFinite && value >= lowerBound && value <= upperBound && (!integersOnly || value.rounded() == value)
    }

    /// `value` when it lies in the range, else `nil`.
    public func number(_ value: Double) -> Double? {
        contains(value) ? value : nil
    }

    /// `value` as an `Int` when it lies in the range and is whole, else `nil`; never traps.
    public func integer(_ value: Double) -> Int? {
        guard contains(value), value.rounded() == value else { return nil }
        return Int(exactly: value)
    }

    /// The number written in `text` (`5`, `-2300`, `0.5`, `1e3`) when it lies in the range.
    public func number(parsing text: String) -> Double? {
        NumberRange.decimal(text).flatMap(number)
    }

    /// The integer written in `text` when it lies in the range.
    public func integer(parsing text: String) -> Int? {
        NumberRange.decimal(text).flatMap(integer)
    }

    /// A plain decimal number (`12`, `-0.5`, `1.2e3`), finite; `Double(_:)` alone would also take
    /// `nan`, `inf` and hexadecimal floats, which nobody writes for a setting or a meter reading.
    public static func decimal(_ text: String) -> Double? {
        guard !text.isEmpty, text.utf8.allSatisfy(isDecimalByte), let value = Double(text), value.isFinite else {
            return nil
        }
        return value
    }

    private static func isDecimalByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."),
            UInt8(ascii: "e"), UInt8(ascii: "E"):
            true
        default:
            false
        }
    }

    /// What an error says is expected: `a number from 0.1 to 3600`, `an integer from 1 to 65535`.
    public var description: String {
        let kind = integersOnly ? "an integer" : "a number"
        return "\(kind) from \(NumberRange.spelled(lowerBound)) to \(NumberRange.spelled(upperBound))"
    }

    /// `3600`, `0.1`, `-1000000`: as a person writes it, without `.0` or an exponent.
    public static func spelled(_ value: Double) -> String {
        if value.rounded() == value && abs(value) < 1e15 { return String(Int64(value)) }
        return String(value)
    }
}
