import Testing

@testable import MQTTLink

@Suite struct ReconnectBackoffTests {
    private struct Fixed: RandomNumberGenerator {
        mutating func next() -> UInt64 { 0 }
    }

    @Test func doublesUpToTheMaximumAndStartsOverAfterReset() {
        var backoff = ReconnectBackoff(initial: 1, maximum: 10)
        var generator = Fixed()
        let delays = (0..<6).map { _ in backoff.nextDelay(using: &generator) }
        #expect(delays == [1, 2, 4, 8, 10, 10])
        backoff.reset()
        #expect(backoff.nextDelay(using: &generator) == 1)
    }

    @Test func jitterOnlyShortensTheWaitByAQuarterAtMost() {
        var backoff = ReconnectBackoff(initial: 4, maximum: 4)
        for _ in 0..<1_000 {
            let delay = backoff.nextDelay()
            #expect(delay > 3 && delay <= 4)
        }
    }
}
