/// Fixed-width decimal numbers written straight into a byte buffer: what makes formatting a
/// date cost a few nanoseconds rather than a formatter's microseconds.
enum ASCIIDigits {
    /// Writes `value` (0 or more) in `width` digits with leading zeros at `start`; a value with
    /// more digits keeps its last `width`.
    @inline(__always)
    static func write(_ value: Int64, width: Int, into bytes: UnsafeMutableBufferPointer<UInt8>, at start: Int) {
        var value = value
        var index = start + width - 1
        while index >= start {
            bytes[index] = UInt8(truncatingIfNeeded: 48 + value % 10)
            value /= 10
            index -= 1
        }
    }
}
