/// An event loop as a task's preferred executor (`Task(executorPreference:)`,
/// `withTaskExecutorPreference`): the task's nonisolated code runs on the loop's thread, and so do
/// the default actors it calls while they are free (the Swift runtime switches to a free actor on
/// the calling thread). A task that does its I/O on a loop then resumes there after each answer,
/// in the same turn, instead of waking a thread of the concurrency pool and coming back: what the
/// sources use, one thread wake-up per read fewer for each hop (BENCHMARKS.md, "Sources").
///
/// Such a task must not block: it holds the loop's thread while it runs. A job submitted after the
/// loop stopped is dropped like any other task, so stop such tasks before the group.
public final class EventLoopTaskExecutor: TaskExecutor {
    public let loop: EventLoop

    public init(_ loop: EventLoop) {
        self.loop = loop
    }

    public func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        let executor = asUnownedTaskExecutor()
        loop.execute {
            job.runSynchronously(on: executor)
        }
    }
}
