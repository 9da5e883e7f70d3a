import Glibc

/// A blocking TCP socket with deadlines, for the test client (Linux, like the server). Every wait goes
/// through poll(2), so a silent server makes a test fail with a timeout instead of hanging it.
final class TestSocket {
    private(set) var descriptor: Int32

    private init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    deinit {
        close()
    }

    /// Connects to an IPv4 address (`127.0.0.1` in tests) within `timeout`.
    static func connect(
        host: String, port: UInt16, timeout: Duration
    ) throws(TestWebSocketClientError) -> TestSocket {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw .connectFailed("socket: \(errnoText())") }
        let connection = TestSocket(descriptor: descriptor)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        guard inet_pton(AF_INET, host, &address.sin_addr) == 1 else {
            throw .connectFailed("not an IPv4 address: \(host)")
        }
        // Non-blocking connect so the timeout applies, then back to blocking for plain reads and writes.
        let flags = fcntl(descriptor, F_GETFL, 0)
        _ = fcntl(descriptor, F_SETFL, flags | O_NONBLOCK)
        let result = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                Glibc.connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        if result != 0 {
            guard errno == EINPROGRESS else { throw .connectFailed("connect to \(host):\(port): \(errnoText())") }
            guard try connection.waitUntil(events: Int16(POLLOUT), deadline: .now + timeout) else {
                throw .timeout("connecting to \(host):\(port)")
            }
            var error: Int32 = 0
            var length = socklen_t(MemoryLayout<Int32>.size)
            getsockopt(descriptor, SOL_SOCKET, SO_ERROR, &error, &length)
            guard error == 0 else {
                throw .connectFailed("connect to \(host):\(port): \(String(cString: strerror(error)))")
            }
        }
        _ = fcntl(descriptor, F_SETFL, flags & ~O_NONBLOCK)
        var noDelay: Int32 = 1
        setsockopt(descriptor, Int32(IPPROTO_TCP), TCP_NODELAY, &noDelay, socklen_t(MemoryLayout<Int32>.size))
        return connection
    }

    /// Writes every byte (the peer having closed is reported, not raised as SIGPIPE).
    func write(_ bytes: [UInt8]) throws(TestWebSocketClientError) {
        guard descriptor >= 0 else { throw .connectionClosed }
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { buffer in
                send(descriptor, buffer.baseAddress! + offset, buffer.count - offset, Int32(MSG_NOSIGNAL))
            }
            if written < 0 {
                if errno == EINTR { continue }
                if errno == EPIPE || errno == ECONNRESET { throw .connectionClosed }
                throw .ioFailed("send: \(errnoText())")
            }
            offset += written
        }
    }

    /// The next bytes received before `deadline`: empty when the peer closed the connection.
    func read(deadline: ContinuousClock.Instant) throws(TestWebSocketClientError) -> [UInt8] {
        guard descriptor >= 0 else { throw .connectionClosed }
        guard try waitUntil(events: Int16(POLLIN), deadline: deadline) else { throw .timeout("reading") }
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = chunk.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
            if count >= 0 { return Array(chunk[0..<count]) }
            if errno == EINTR { continue }
            if errno == ECONNRESET { return [] }
            throw .ioFailed("recv: \(errnoText())")
        }
    }

    /// Closes the socket; later writes and reads throw `connectionClosed`.
    func close() {
        if descriptor >= 0 {
            Glibc.close(descriptor)
            descriptor = -1
        }
    }

    private func waitUntil(
        events: Int16, deadline: ContinuousClock.Instant
    ) throws(TestWebSocketClientError) -> Bool {
        while true {
            let remaining = ContinuousClock.now.duration(to: deadline)
            let (seconds, attoseconds) = remaining.components
            let milliseconds = max(0, seconds * 1000 + attoseconds / 1_000_000_000_000_000)
            var descriptorEvents = pollfd(fd: descriptor, events: events, revents: 0)
            let ready = poll(&descriptorEvents, 1, Int32(clamping: milliseconds))
            if ready > 0 { return true }
            if ready == 0 { return false }
            if errno != EINTR { throw .ioFailed("poll: \(errnoText())") }
        }
    }

    private static func errnoText() -> String { String(cString: strerror(errno)) }
    private func errnoText() -> String { TestSocket.errnoText() }
}
