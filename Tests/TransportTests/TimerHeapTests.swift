import Testing
import Transport

@testable import Transport

@Suite struct TimerHeapTests {
    @Test func popsTimersInDeadlineOrderAndTiesInSchedulingOrder() {
        var heap = TimerHeap()
        var fired: [String] = []
        for (deadline, name) in [(30, "c"), (10, "a1"), (20, "b"), (10, "a2"), (5, "first")] {
            _ = heap.insert(deadline: UInt64(deadline)) { fired.append(name) }
        }
        while let timer = heap.popExpired(now: 100) { timer.task?() }
        #expect(fired == ["first", "a1", "a2", "b", "c"])
    }

    @Test func popsOnlyExpiredTimers() {
        var heap = TimerHeap()
        _ = heap.insert(deadline: 10) {}
        _ = heap.insert(deadline: 20) {}
        #expect(heap.popExpired(now: 15)?.deadline == 10)
        #expect(heap.popExpired(now: 15) == nil)
        #expect(heap.earliestDeadline == 20)
    }

    @Test func removingATimerFromTheMiddleKeepsTheOrder() {
        var heap = TimerHeap()
        let timers = (0..<50).map { heap.insert(deadline: UInt64(($0 * 37) % 50)) {} }
        for timer in timers where timer.deadline % 3 == 0 { heap.remove(timer) }
        var deadlines: [UInt64] = []
        while let timer = heap.popExpired(now: .max) { deadlines.append(timer.deadline) }
        #expect(deadlines == (0..<50).map(UInt64.init).filter { $0 % 3 != 0 })
        #expect(timers.allSatisfy { $0.heapIndex == -1 })
    }
}
