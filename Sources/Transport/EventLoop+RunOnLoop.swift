extension EventLoop {
    /// Runs `task` now when already on this loop, else submits it: replies and calls made from
    /// loop code (the common case) then skip the eventfd round trip.
    public func runOnLoop(_ task: @escaping @Sendable () -> Void) {
        if inEventLoop { task() } else { execute(task) }
    }
}
