/// A binary min-heap of timers ordered by deadline (then by scheduling order), with removal of
/// any entry by its index so cancellation costs O(log n) and leaves nothing behind.
struct TimerHeap {
    private var timers: [ScheduledTimer] = []
    private var nextSequence: UInt64 = 0

    var count: Int { timers.count }
    var isEmpty: Bool { timers.isEmpty }
    var earliestDeadline: UInt64? { timers.first?.deadline }

    mutating func insert(deadline: UInt64, task: @escaping () -> Void) -> ScheduledTimer {
        let timer = ScheduledTimer(deadline: deadline, sequence: nextSequence, task: task)
        nextSequence &+= 1
        timer.heapIndex = timers.count
        timers.append(timer)
        siftUp(timers.count - 1)
        return timer
    }

    /// Removes and returns the earliest timer if its deadline is at or before `now`.
    mutating func popExpired(now: UInt64) -> ScheduledTimer? {
        guard let first = timers.first, first.deadline <= now else { return nil }
        remove(first)
        return first
    }

    mutating func remove(_ timer: ScheduledTimer) {
        let index = timer.heapIndex
        guard index >= 0, index < timers.count, timers[index] === timer else { return }
        let last = timers.count - 1
        if index != last {
            swapAt(index, last)
        }
        timers.removeLast()
        timer.heapIndex = -1
        if index < timers.count {
            siftDown(index)
            siftUp(index)
        }
    }

    mutating func removeAll() {
        for timer in timers {
            timer.heapIndex = -1
            timer.task = nil
        }
        timers.removeAll()
    }

    private mutating func siftUp(_ start: Int) {
        var child = start
        while child > 0 {
            let parent = (child - 1) / 2
            guard timers[child].firesBefore(timers[parent]) else { return }
            swapAt(child, parent)
            child = parent
        }
    }

    private mutating func siftDown(_ start: Int) {
        var parent = start
        while true {
            let left = 2 * parent + 1
            let right = left + 1
            var smallest = parent
            if left < timers.count && timers[left].firesBefore(timers[smallest]) { smallest = left }
            if right < timers.count && timers[right].firesBefore(timers[smallest]) { smallest = right }
            guard smallest != parent else { return }
            swapAt(parent, smallest)
            parent = smallest
        }
    }

    private mutating func swapAt(_ first: Int, _ second: Int) {
        timers.swapAt(first, second)
        timers[first].heapIndex = first
        timers[second].heapIndex = second
    }
}
