/// The wait before the next connection attempt: doubling from `initial` to `maximum`, with up
/// to a quarter of random jitter so that many clients do not return to a restarted broker in
/// step; back to `initial` once a connection has been accepted.
public struct ReconnectBackoff: Sendable {
    public let initial: Double
    public let maximum: Double
    private var attempts = 0

    public init(initial: Double = 1, maximum: Double = 60) {
        self.initial = initial
        self.maximum = maximum
    }

    /// Seconds to wait before the next attempt, and counts it.
    public mutating func nextDelay<Generator: RandomNumberGenerator>(using generator: inout Generator) -> Double {
        let base = min(maximum, initial * Double(1 << min(attempts, 20)))
        attempts += 1
        return base * (1 - Double.random(in: 0..<0.25, using: &generator))
    }

    public mutating func nextDelay() -> Double {
        var generator = SystemRandomNumberGenerator()
        return nextDelay(using: &generator)
    }

    public mutating func reset() { attempts = 0 }
}
