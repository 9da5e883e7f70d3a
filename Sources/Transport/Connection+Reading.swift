import CLinux
import Glibc

extension Connection: EpollRegistrant {
    /// Up to this many reads per readiness event: bounded so one busy peer cannot starve the
    /// others on its loop (level-triggered epoll calls again if more is waiting).
    private static let readsPerEvent = 4

    func handleEvents(_ events: UInt32) {
        if events & AMPWISE_EPOLLERR != 0 {
            fail(.socket(operation: "socket", reason: TransportError.reason(errno: pendingSocketError())))
            return
        }
        let wantsInput = isWatching(AMPWISE_EPOLLIN)
        if events & (AMPWISE_EPOLLIN | AMPWISE_EPOLLHUP) != 0 && wantsInput {
            readAvailable()
            guard state != .closed else { return }
        }
        if events & AMPWISE_EPOLLOUT != 0 && isWatching(AMPWISE_EPOLLOUT) {
            flushWhenWritable()
        }
        if events & AMPWISE_EPOLLHUP != 0 && !wantsInput {
            fail(.socket(operation: "read", reason: "connection closed by peer"))
        }
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
                guard isWatching(AMPWISE_EPOLLIN), count == buffer.count else { return }
            } else if count == 0 {
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
