/// One entry of a loop's timer heap. A class so that a `TimerHandle` can find and remove it in
/// O(log n) through `heapIndex` instead of leaving cancelled entries to pile up until they expire.
final class ScheduledTimer {
    let deadline: UInt64
    /// Breaks ties between equal deadlines so that timers fire in the order they were scheduled.
    let sequence: UInt64
    var task: (() -> Void)?
    /// The position in the heap, or -1 once fired or cancelled.
    var heapIndex: Int = -1

    init(deadline: UInt64, sequence: UInt64, task: @escaping () -> Void) {
        self.deadline = deadline
        self.sequence = sequence
        self.task = task
    }

    func firesBefore(_ other: ScheduledTimer) -> Bool {
        deadline != other.deadline ? deadline < other.deadline : sequence < other.sequence
    }
}
