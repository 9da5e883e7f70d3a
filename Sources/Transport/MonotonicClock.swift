import CLinux

/// The clock timers and latency measurements use: CLOCK_MONOTONIC, which never jumps when the
/// wall clock is set (NTP, daylight saving), so a timeout is always the time it says.
public enum MonotonicClock {
    /// Nanoseconds since an arbitrary fixed point (boot); only differences are meaningful.
    @inline(__always)
    public static func nanoseconds() -> UInt64 {
        ampwise_monotonic_nanoseconds()
    }

    /// Converts seconds to nanoseconds, clamping negative and non-finite values to zero and
    /// huge ones to about 292 years.
    static func nanoseconds(fromSeconds seconds: Double) -> UInt64 {
        guard seconds.isFinite, seconds > 0 else { return 0 }
        let nanoseconds = seconds * 1_000_000_000
        return nanoseconds >= Double(UInt64.max / 2) ? UInt64.max / 2 : UInt64(nanoseconds)
    }
}
