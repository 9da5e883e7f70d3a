/// Something a loop watches with epoll: a listening socket or a connection.
protocol EpollRegistrant: AnyObject {
    /// Called on the loop with the epoll event bits (`AMPWISE_EPOLLIN`, ...).
    func handleEvents(_ events: UInt32)

    /// Called on the loop when it stops while the registrant is still registered: release the fd.
    func closeForLoopShutdown()
}
