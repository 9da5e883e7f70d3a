import CLinux
import Glibc

extension Connection: EpollRegistrant {
    /// Up to this many reads per readiness event: bounded so one busy peer cannot starve the
    /// others on its loop (level-triggered epoll calls again if more is waiting).
    private static let readsPerEvent = 4

    /// A hang-up (the peer's end of stream, a reset, a socket error) takes the socket out of epoll
    /// at once and is handled later, in the loop's slices of closing work: a car park's chargers
    /// closing together then cost each healthy connection a slice of waiting, not the teardown of
    /// all of them (each takes tens of microseconds, most in the kernel). What the peer sent
    /// before it hung up is read then, in order. (Out of epoll, not only watching nothing: a reset
    /// socket reports itself to every wait whatever it watches.)
    func handleEvents(_ events: UInt32) {
        if events & (AMPWISE_EPOLLRDHUP | AMPWISE_EPOLLHUP | AMPWISE_EPOLLERR) != 0 {
            isHangUpPending = true
            loop.deregister(fd)
            watchedEvents = 0
            loop.deferClosing { [self] in handleHangUp(events) }
            return
        }
        if events & AMPWISE_EPOLLIN != 0 && isWatching(AMPWISE_EPOLLIN) {
            readAvailable()
            guard state != .closed else { return }
        }
        if events & AMPWISE_EPOLLOUT != 0 && isWatching(AMPWISE_EPOLLOUT) {
            flushWhenWritable()
        }
    }

    private func handleHangUp(_ events: UInt32) {
        isHangUpPending = false
        guard state != .closed else { return }
        if events & AMPWISE_EPOLLERR != 0 {
            fail(.socket(operation: "socket", reason: TransportError.reason(errno: pendingSocketError())))
            return
        }
        if wantsInput {
            // Reads what is left and then the end of stream, which closes (or starts flushing).
            readAvailable()
            guard state != .closed else { return }
        } else if events & AMPWISE_EPOLLHUP != 0 {
            fail(.socket(operation: "read", reason: "connection closed by peer"))
            return
        }
        // Still open (more to read than one round takes, or a flush before closing): watched again.
        let events = eventsToWatch
        guard loop.register(fd, events: events, registrant: self) else {
            fail(.socket(operation: "epoll_ctl", reason: TransportError.reason(errno: errno)))
            return
        }
        watchedEvents = events
    }

    func closeForLoopShutdown() {
        fail(.loopShutdown)
    }

    private func readAvailable() {
        let buffer = loop.readBuffer
        for _ in 0..<Connection.readsPerEvent {
            let count = Glibc.read(fd, buffer.baseAddress, buffer.count)
            if count > 0 {
                let bytes = UnsafeRawBufferPointer(rebasing: buffer[0..<count])
                if isTLS {
                    receiveCiphertext(bytes)
                } else {
                    handler?.connection(self, didReceive: bytes)
                }
                guard wantsInput, count == buffer.count else { return }
            } else if count == 0 {
                hasReadEndOfStream = true
                peerClosedInput()
                return
            } else {
                let code = errno
                if code == EINTR { continue }
                if code != EAGAIN && code != EWOULDBLOCK {
                    fail(.socket(operation: "read", reason: TransportError.reason(errno: code)))
                }
                return
            }
        }
    }

    /// The peer finished sending: flush what we have and close (a TLS peer that skipped
    /// close_notify, or left during the handshake, is closed the same way).
    private func peerClosedInput() {
        close()
    }

    private func pendingSocketError() -> Int32 {
        var code: Int32 = 0
        var length = socklen_t(MemoryLayout<Int32>.size)
        getsockopt(fd, SOL_SOCKET, SO_ERROR, &code, &length)
        return code == 0 ? ECONNRESET : code
    }
}
