import CLinux
import Glibc
import Logging

/// The listening socket of a `TCPServer`, watched by one loop, which accepts until the backlog
/// is empty and hands each new socket to the server (which spreads them over the loops).
final class ListeningSocket: EpollRegistrant {
    private let fd: Int32
    private let loop: EventLoop
    /// Receives each accepted socket and the peer's address.
    var accepted: ((Int32, String) -> Void)?
    private var isOpen = true
    private let logger = Logger(label: "transport")
    /// After running out of file descriptors, accepting pauses this long instead of spinning.
    private static let pauseAfterResourceError = 0.1

    init(fd: Int32, loop: EventLoop) {
        self.fd = fd
        self.loop = loop
    }

    func start() -> Bool {
        loop.register(fd, events: AMPWISE_EPOLLIN, registrant: self)
    }

    func handleEvents(_ events: UInt32) {
        var address = sockaddr_storage()
        var addressText = [CChar](repeating: 0, count: 64)
        while isOpen {
            var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
            let client = withUnsafeMutablePointer(to: &address) { pointer in
                pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { ampwise_accept4(fd, $0, &length) }
            }
            if client < 0 {
                let code = errno
                switch code {
                case EAGAIN, EWOULDBLOCK:
                    return
                case EINTR, ECONNABORTED, EPROTO:
                    continue
                case EMFILE, ENFILE, ENOBUFS, ENOMEM:
                    logger.error("accept failed: \(TransportError.reason(errno: code)); pausing accepts")
                    pauseAccepting()
                    return
                default:
                    logger.error("accept failed: \(TransportError.reason(errno: code))")
                    return
                }
            }
            _ = ampwise_set_nodelay(client)
            ampwise_format_address(&address, &addressText, addressText.count)
            if let accepted {
                accepted(client, addressText.withUnsafeBufferPointer { String(cString: $0.baseAddress!) })
            } else {
                Glibc.close(client)
            }
        }
    }

    private func pauseAccepting() {
        loop.modify(fd, events: 0)
        loop.scheduleTimer(after: ListeningSocket.pauseAfterResourceError) { [self] in
            if isOpen { loop.modify(fd, events: AMPWISE_EPOLLIN) }
        }
    }

    func close() {
        guard isOpen else { return }
        isOpen = false
        accepted = nil
        loop.deregister(fd)
        Glibc.close(fd)
    }

    func closeForLoopShutdown() {
        close()
    }
}
