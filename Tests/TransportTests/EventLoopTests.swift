import TestSupport
import Testing
import Transport

@testable import Transport

@Suite struct EventLoopTests {
    @Test func executeFromAnotherThreadRunsOnTheLoop() {
        let group = EventLoopGroup(loopCount: 1)
        defer { group.shutdown() }
        let loop = group.next()
        let probe = ServerProbe()
        #expect(!loop.inEventLoop)
        loop.execute { probe.record(loop.inEventLoop ? "on the loop" : "elsewhere") }
        #expect(probe.wait(for: "on the loop"))
        #expect(probe.recorded == ["on the loop"])
    }

    @Test func tasksRunInSubmissionOrder() {
        let group = EventLoopGroup(loopCount: 1)
        defer { group.shutdown() }
        let loop = group.next()
        let probe = ServerProbe()
        for number in 0..<100 { loop.execute { probe.record("\(number)") } }
        #expect(probe.wait { $0.count == 100 })
        #expect(probe.recorded == (0..<100).map { "\($0)" })
    }

    @Test func timersFireInDeadlineOrderAndCancelledOnesDoNot() {
        let clock = ManualClock()
        let group = EventLoopGroup(loopCount: 1, clock: clock)
        defer { group.shutdown() }
        let loop = group.next()
        let probe = ServerProbe()
        loop.execute {
            loop.scheduleTimer(after: 0.03) { probe.record("c") }
            loop.scheduleTimer(after: 0.01) { probe.record("a") }
            let cancelled = loop.scheduleTimer(after: 0.015) { probe.record("cancelled") }
            loop.scheduleTimer(after: 0.02) { probe.record("b") }
            loop.scheduleTimer(after: 0.04) { probe.record("done \(loop.pendingTimerCount)") }
            loop.cancel(cancelled)
            probe.record(cancelled.isPending ? "still pending" : "not pending")
        }
        #expect(probe.wait(for: "not pending"))
        clock.advance(by: 0.04)
        #expect(probe.wait { $0.last?.hasPrefix("done") == true })
        #expect(probe.recorded == ["not pending", "a", "b", "c", "done 0"])
    }

    @Test func onATestClockATimerFiresWhenTheClockPassesItsDeadlineAndNotBefore() async throws {
        let clock = ManualClock()
        let group = EventLoopGroup(loopCount: 1, clock: clock)
        defer { group.shutdown() }
        let loop = group.next()
        let probe = ServerProbe()
        loop.execute { loop.scheduleTimer(after: 3600) { probe.record("fired") } }
        await clock.waitForTimer(dueWithin: 3600)
        clock.advance(by: 3599.999)
        // A task submitted after the advance runs after the loop looked at its timers again.
        loop.execute { probe.record("checked") }
        #expect(try await offPool { probe.wait(for: "checked") })
        #expect(probe.recorded == ["checked"])
        clock.advance(by: 0.001)
        #expect(try await offPool { probe.wait(for: "fired") })
    }

    @Test func aTimerScheduledInTheTurnThatWroteCountsFromBeforeALaterAdvance() async throws {
        // What the central system relies on: a test sees a frame, then advances the clock; the
        // timer the same turn scheduled right after writing the frame fires.
        let clock = ManualClock()
        let group = EventLoopGroup(loopCount: 1, clock: clock)
        defer { group.shutdown() }
        let loop = group.next()
        let probe = ServerProbe()
        let advanced = ServerProbe()
        loop.execute {
            probe.record("written")
            // The test advances the clock now, before this turn has scheduled its timer.
            _ = advanced.wait(for: "advanced")
            loop.scheduleTimer(after: 10) { probe.record("fired") }
        }
        #expect(try await offPool { probe.wait(for: "written") })
        clock.advance(by: 10)
        advanced.record("advanced")
        #expect(try await offPool { probe.wait(for: "fired") })
    }

    @Test func aTimerNeverFiresEarly() {
        let group = EventLoopGroup(loopCount: 1)
        defer { group.shutdown() }
        let loop = group.next()
        let probe = ServerProbe()
        loop.execute {
            let start = MonotonicClock.nanoseconds()
            loop.scheduleTimer(after: 0.05) {
                probe.record(MonotonicClock.nanoseconds() - start >= 50_000_000 ? "on time" : "early")
            }
        }
        #expect(probe.wait { !$0.isEmpty })
        #expect(probe.recorded == ["on time"])
    }

    @Test func nextHandsOutLoopsRoundRobin() {
        let group = EventLoopGroup(loopCount: 3)
        defer { group.shutdown() }
        #expect((0..<7).map { _ in group.next().index } == [0, 1, 2, 0, 1, 2, 0])
    }

    @Test func anActorCanRunOnALoop() async {
        let group = EventLoopGroup(loopCount: 2)
        defer { group.shutdown() }
        let session = LoopIsolatedCounter(loop: group.loops[1])
        #expect(await session.increment() == (1, true))
        #expect(await session.increment() == (2, true))
    }

    @Test func loopCodeCanCallIntoAnActorOnTheSameLoopWithoutHopping() {
        let group = EventLoopGroup(loopCount: 1)
        defer { group.shutdown() }
        let loop = group.next()
        let counter = LoopIsolatedCounter(loop: loop)
        let probe = ServerProbe()
        loop.execute {
            let (count, onLoop) = counter.assumeIsolated { $0.increment() }
            probe.record("\(count) \(onLoop)")
        }
        #expect(probe.wait { !$0.isEmpty })
        #expect(probe.recorded == ["1 true"])
    }

    @Test func shutdownStopsAndJoinsTheThreads() {
        let group = EventLoopGroup(loopCount: 2)
        let probe = ServerProbe()
        for loop in group.loops { loop.execute { probe.record("ran") } }
        #expect(probe.wait(for: "ran", count: 2))
        group.shutdown()
        #expect(group.loops.allSatisfy { !$0.isThreadStarted })
        group.shutdown()
    }
}

/// An actor whose executor is an event loop, as a `ChargePointSession` would be.
actor LoopIsolatedCounter {
    let loop: EventLoop
    private var count = 0

    init(loop: EventLoop) {
        self.loop = loop
    }

    nonisolated var unownedExecutor: UnownedSerialExecutor { loop.asUnownedSerialExecutor() }

    func increment() -> (Int, Bool) {
        count += 1
        return (count, loop.inEventLoop)
    }
}
