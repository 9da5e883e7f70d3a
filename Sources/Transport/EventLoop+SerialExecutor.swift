extension EventLoop: SerialExecutor {
    /// Lets an actor run on this loop (`nonisolated var unownedExecutor: UnownedSerialExecutor
    /// { loop.asUnownedSerialExecutor() }`), so its methods run on the thread that owns its
    /// sockets and calls from loop code never hop threads.
    public func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        let executor = asUnownedSerialExecutor()
        execute {
            job.runSynchronously(on: executor)
        }
    }

    /// This loop as the executor of an actor (`unownedExecutor`).
    public func asUnownedSerialExecutor() -> UnownedSerialExecutor {
        UnownedSerialExecutor(ordinary: self)
    }

    /// Makes `actor.assumeIsolated` work from loop code for actors running on this loop.
    public func checkIsolated() {
        precondition(inEventLoop, "not on the actor's event loop")
    }

    /// The non-crashing form of `checkIsolated` that newer runtimes ask first.
    public func isIsolatingCurrentContext() -> Bool? {
        inEventLoop
    }
}
