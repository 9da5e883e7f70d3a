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
    /// not a millisecond before, the third one interval later. A test clock moves only when told,
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
        let second: UInt64 = 10_000_000_000 + UInt64((10_000_000_000 * source.schedulePhase).rounded())
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
}
