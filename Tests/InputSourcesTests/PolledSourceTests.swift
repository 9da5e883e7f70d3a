import InputSources
import TestSupport
import Testing
import Transport

/// The schedule of a polled source runs on its event loop (docs/architecture.md, "Sources").
@Suite struct PolledSourceTests {
    static let reading: Result<[String: Double], SourceError> = .success(["grid.power": 1])

    @Test func everyPollRunsOnTheSourcesLoop() async {
        let group = EventLoopGroup(loopCount: 2)
        defer { group.shutdown() }
        let source = ScriptedSource(
            name: "meter", loop: group.loops[1], script: Array(repeating: Self.reading, count: 5))
        let set = InputSourceSet(sources: [source], sink: RecordingSink())
        set.start()
        var onLoop: [Bool] = []
        for await poll in source.polls {
            onLoop.append(poll.onLoop)
            if onLoop.count == 6 { break }
        }
        await set.stop()
        #expect(onLoop == Array(repeating: true, count: 6))
    }

    /// On the loop's clock: the second poll one interval and the source's phase after the first,
    /// rounded up to its wake-up grid (a tenth of a second here), not a millisecond before, the third
    /// one interval later. A test clock moves only when told,
    /// so polls timed by anything but the loop's timers would not come.
    @Test(.timeLimit(.minutes(1))) func pollsComeWhenTheLoopsClockReachesTheirTimeAndNotBefore() async {
        let clock = ManualClock()
        let group = EventLoopGroup(loopCount: 1, clock: clock)
        defer { group.shutdown() }
        let loop = group.next()
        let source = ScriptedSource(
            name: "meter", interval: 10, loop: loop, script: Array(repeating: Self.reading, count: 3))
        let set = InputSourceSet(sources: [source], sink: RecordingSink())
        var polls = source.polls.makeAsyncIterator()
        set.start()
        #expect(await polls.next()?.clock == 0)
        let second = source.wakeTime(for: 10_000_000_000 + UInt64((10_000_000_000 * source.schedulePhase).rounded()))
        #expect(second % 100_000_000 == 0)
        await clock.waitForTimer(dueWithin: Double(second) / 1e9)
        clock.advance(by: Double(second - 1_000_000) / 1e9)
        await loopTurns(loop)
        #expect(source.pollCount == 1)
        clock.advance(by: 0.001)
        #expect(await polls.next()?.clock == second)
        await clock.waitForTimer(dueWithin: 10)
        clock.advance(by: 10)
        #expect(await polls.next()?.clock == second + 10_000_000_000)
        await set.stop()
    }

    /// Two sources of a loop due within the same tenth of their interval are polled in the same turn
    /// of the loop, at the end of that tenth: one wake-up for both (BENCHMARKS.md, "Sources"). The
    /// loop's clock is first moved to the earlier one's own time, where neither comes yet.
    @Test(.timeLimit(.minutes(1))) func sourcesDueWithinOneTenthOfTheirIntervalArePolledTogether() async {
        let clock = ManualClock()
        let group = EventLoopGroup(loopCount: 1, clock: clock)
        defer { group.shutdown() }
        let loop = group.next()
        let interval: Double = 10
        // Two names whose phases fall in the same tenth of a second of a 10 s interval, apart.
        func due(_ source: ScriptedSource) -> UInt64 {
            10_000_000_000 + UInt64((10_000_000_000 * source.schedulePhase).rounded())
        }
        var byCell: [UInt64: ScriptedSource] = [:]
        var pair: (ScriptedSource, ScriptedSource)?
        for index in 0..<1000 where pair == nil {
            let source = ScriptedSource(
                name: "meter-\(index)", interval: interval, loop: loop,
                script: Array(repeating: Self.reading, count: 2))
            let cell = due(source) / 100_000_000
            if let other = byCell[cell], due(other) / 1_000_000 != due(source) / 1_000_000 {
                pair = due(other) < due(source) ? (other, source) : (source, other)
            }
            byCell[cell] = source
        }
        guard let (first, second) = pair else {
            Issue.record("no two names share a tenth")
            return
        }
        let set = InputSourceSet(sources: [first, second], sink: RecordingSink())
        var firstPolls = first.polls.makeAsyncIterator()
        var secondPolls = second.polls.makeAsyncIterator()
        set.start()
        #expect(await firstPolls.next()?.clock == 0)
        #expect(await secondPolls.next()?.clock == 0)
        await clock.waitForTimer(dueWithin: 2 * interval, count: 2)
        clock.advance(by: Double(due(first)) / 1e9)
        await loopTurns(loop)
        #expect(first.pollCount == 1)
        #expect(second.pollCount == 1)
        let cellEnd = (due(first) / 100_000_000 + 1) * 100_000_000
        clock.advance(by: Double(cellEnd - due(first)) / 1e9)
        #expect(await firstPolls.next()?.clock == cellEnd)
        #expect(await secondPolls.next()?.clock == cellEnd)
        await set.stop()
    }
}
