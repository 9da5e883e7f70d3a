import TestSupport
import Testing
import Transport

/// Tasks that prefer a loop, and sleeping on a loop's timers (the sources' schedule).
@Suite struct EventLoopTaskExecutorTests {
    @Test func aTaskThatPrefersALoopRunsOnItsThreadBeforeAndAfterASleep() async throws {
        let group = EventLoopGroup(loopCount: 1)
        defer { group.shutdown() }
        let loop = group.next()
        let task = Task(executorPreference: EventLoopTaskExecutor(loop)) { () async throws -> [Bool] in
            let before = loop.inEventLoop
            try await loop.sleep(untilNanoseconds: loop.clockNanoseconds + 1_000_000)
            return [before, loop.inEventLoop]
        }
        #expect(try await task.value == [true, true])
    }

    @Test(.timeLimit(.minutes(1))) func aSleepEndsWhenTheLoopsClockReachesItsDeadlineAndNotBefore() async throws {
        let clock = ManualClock()
        let group = EventLoopGroup(loopCount: 1, clock: clock)
        defer { group.shutdown() }
        let loop = group.next()
        let probe = ServerProbe()
        let sleeper = Task(executorPreference: EventLoopTaskExecutor(loop)) {
            try await loop.sleep(untilNanoseconds: 5_000_000_000)
            probe.record("woke at \(loop.clockNanoseconds)")
        }
        await clock.waitForTimer(dueWithin: 5)
        clock.advance(by: 4.999)
        await loopTurns(loop)
        #expect(probe.recorded.isEmpty)
        clock.advance(by: 0.001)
        try await sleeper.value
        #expect(probe.recorded == ["woke at 5000000000"])
    }

    @Test(.timeLimit(.minutes(1))) func aCancelledSleepThrowsAtOnceAndLeavesNoTimer() async {
        let clock = ManualClock()
        let group = EventLoopGroup(loopCount: 1, clock: clock)
        defer { group.shutdown() }
        let loop = group.next()
        let sleeper = Task(executorPreference: EventLoopTaskExecutor(loop)) { () async -> Bool in
            do {
                try await loop.sleep(untilNanoseconds: 3_600_000_000_000)
                return false
            } catch {
                return true
            }
        }
        await clock.waitForTimer(dueWithin: 3600)
        sleeper.cancel()
        #expect(await sleeper.value)
        let pending = await withCheckedContinuation { (continuation: CheckedContinuation<Int, Never>) in
            loop.execute { continuation.resume(returning: loop.pendingTimerCount) }
        }
        #expect(pending == 0)
    }
}
