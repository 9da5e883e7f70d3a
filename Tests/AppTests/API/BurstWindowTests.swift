import Testing

@testable import App

@Suite struct BurstWindowTests {
    @Test func aFloodDoublesTheWindowAndAResetTakesItBackToTheShortest() {
        var window = BurstWindow(shortest: 0.1, longest: 0.4, floodRate: 1000)
        // 100 events in 0.1 s: 1,000 a second, a flood.
        window.burstSent(published: 100)
        #expect(window.current == 0.2)
        window.reset()
        #expect(window.current == 0.1)
    }
}
