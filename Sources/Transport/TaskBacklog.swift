/// Loop work that is taken a slice at a time: a first-in, first-out queue of closures whose
/// `takeSlice` hands out at most a given number, so that a burst (thousands of connections
/// closing at once) is spread over loop iterations with the sockets served in between.
///
/// Loop-confined like the loop's other state.
struct TaskBacklog {
    private var tasks: [() -> Void] = []
    /// The first task not yet taken.
    private var head = 0

    var isEmpty: Bool { head == tasks.count }

    mutating func append(_ task: @escaping () -> Void) {
        tasks.append(task)
    }

    /// The oldest `limit` tasks (fewer when fewer wait), in order.
    mutating func takeSlice(_ limit: Int) -> ArraySlice<() -> Void> {
        let end = head + min(limit, tasks.count - head)
        let slice = tasks[head..<end]
        head = end
        if head == tasks.count {
            tasks.removeAll(keepingCapacity: tasks.capacity <= 4096)
            head = 0
        } else if head >= 4096 && head * 2 >= tasks.count {
            // Taken tasks are released in chunks, so a long backlog does not hold them all.
            tasks.removeFirst(head)
            head = 0
        }
        return slice
    }

    mutating func removeAll() {
        tasks.removeAll()
        head = 0
    }
}
