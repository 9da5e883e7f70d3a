extension LocalTime {
    /// `2026-11-25`: the local date, always this shape whatever the locale.
    public var dayText: String {
        Self.text(width: 10) { bytes in writeDay(into: bytes, at: 0) }
    }

    /// `07:30`: hours and minutes on the 24-hour clock.
    public var clockText: String {
        Self.text(width: 5) { bytes in writeClock(into: bytes, at: 0, seconds: false) }
    }

    /// `2026-11-25 07:30:00`: the date and the time with seconds, as timelines show them.
    public var timestampText: String {
        Self.text(width: 19) { bytes in
            writeDay(into: bytes, at: 0)
            bytes[10] = UInt8(ascii: " ")
            writeClock(into: bytes, at: 11, seconds: true)
        }
    }

    /// `+01:00`, `-04:30`, `+00:00`: the offset from UTC as RFC 3339 writes it.
    public var utcOffsetText: String {
        Self.text(width: 6) { bytes in
            let magnitude = Int64(abs(utcOffsetSeconds))
            bytes[0] = utcOffsetSeconds < 0 ? UInt8(ascii: "-") : UInt8(ascii: "+")
            ASCIIDigits.write(magnitude / 3600, width: 2, into: bytes, at: 1)
            bytes[3] = UInt8(ascii: ":")
            ASCIIDigits.write(magnitude / 60 % 60, width: 2, into: bytes, at: 4)
        }
    }

    private func writeDay(into bytes: UnsafeMutableBufferPointer<UInt8>, at start: Int) {
        ASCIIDigits.write(date.year, width: 4, into: bytes, at: start)
        bytes[start + 4] = UInt8(ascii: "-")
        ASCIIDigits.write(date.month, width: 2, into: bytes, at: start + 5)
        bytes[start + 7] = UInt8(ascii: "-")
        ASCIIDigits.write(date.day, width: 2, into: bytes, at: start + 8)
    }

    private func writeClock(into bytes: UnsafeMutableBufferPointer<UInt8>, at start: Int, seconds: Bool) {
        ASCIIDigits.write(Int64(hour), width: 2, into: bytes, at: start)
        bytes[start + 2] = UInt8(ascii: ":")
        ASCIIDigits.write(Int64(minute), width: 2, into: bytes, at: start + 3)
        guard seconds else { return }
        bytes[start + 5] = UInt8(ascii: ":")
        ASCIIDigits.write(Int64(second), width: 2, into: bytes, at: start + 6)
    }

    private static func text(width: Int, _ write: (UnsafeMutableBufferPointer<UInt8>) -> Void) -> String {
        String(unsafeUninitializedCapacity: width) { bytes in
            write(bytes)
            return width
        }
    }
}
