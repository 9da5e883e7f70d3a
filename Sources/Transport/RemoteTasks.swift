/// Tasks submitted to a loop from other threads, guarded by the loop's mutex.
struct RemoteTasks {
    var tasks: [@Sendable () -> Void] = []
    /// True while the eventfd has been written and the loop has not yet taken the tasks: later
    /// submitters skip the write system call.
    var wakeupPending = false
    var acceptsTasks = true

    mutating func takeTasks() -> [@Sendable () -> Void] {
        let taken = tasks
        tasks = []
        return taken
    }
}
