import Glibc

/// A blocking TCP client socket for tests: connects to 127.0.0.1, sends everything, receives
/// exactly what it is asked for. Every receive has a timeout so a broken server fails the test
/// instead of hanging it.
public final class BlockingSocket {
    public let fd: Int32

    public enum Failure: Error, Equatable, CustomStringConvertible {
        case system(operation: String, reason: String)
        case timedOut(received: Int)
        case closedByPeer(received: Int)

        public var description: String {
            switch self {
            case .system(let operation, let reason): "\(operation): \(reason)"
            case .timedOut(let received): "timed out after receiving \(received) bytes"
            case .closedByPeer(let received): "closed by the peer after \(received) bytes"
            }
        }
    }

    /// Connects to `host`:`port` (an IPv4 or IPv6 address), with `timeout` seconds for every
    /// receive.
    public init(host: String = "127.0.0.1", port: Int, timeout: Double = 5) throws(Failure) {
        let isIPv6 = host.contains(":")
        let fd = socket(isIPv6 ? AF_INET6 : AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw BlockingSocket.failure("socket") }
        let connected: Int32
        if isIPv6 {
            var address = sockaddr_in6()
            address.sin6_family = sa_family_t(AF_INET6)
            address.sin6_port = in_port_t(UInt16(port).bigEndian)
            inet_pton(AF_INET6, host, &address.sin6_addr)
            connected = withUnsafePointer(to: &address) { pointer in
                pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in6>.size))
                }
            }
        } else {
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_port = in_port_t(UInt16(port).bigEndian)
            inet_pton(AF_INET, host, &address.sin_addr)
            connected = withUnsafePointer(to: &address) { pointer in
                pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
                }
            }
        }
        guard connected == 0 else {
            let error = BlockingSocket.failure("connect")
            Glibc.close(fd)
            throw error
        }
        var interval = timeval(tv_sec: Int(timeout), tv_usec: Int((timeout - timeout.rounded(.down)) * 1_000_000))
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &interval, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &interval, socklen_t(MemoryLayout<timeval>.size))
        self.fd = fd
    }

    deinit {
        if fd >= 0 { Glibc.close(fd) }
    }

    /// The local address as the server sees it: "127.0.0.1:53211" (IPv4 only).
    public var localAddress: String {
        var address = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        return "127.0.0.1:\(UInt16(bigEndian: address.sin_port))"
    }

    /// The local port, IPv4 or IPv6.
    public var localPort: Int {
        var address = sockaddr_in6()
        var length = socklen_t(MemoryLayout<sockaddr_in6>.size)
        _ = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        // sin_port and sin6_port sit at the same offset.
        return Int(UInt16(bigEndian: address.sin6_port))
    }

    public func send(_ bytes: [UInt8]) throws(Failure) {
        var offset = 0
        while offset < bytes.count {
            let sent = bytes.withUnsafeBytes {
                Glibc.send(fd, $0.baseAddress! + offset, $0.count - offset, Int32(MSG_NOSIGNAL))
            }
            guard sent > 0 else { throw BlockingSocket.failure("send") }
            offset += sent
        }
    }

    public func send(_ text: String) throws(Failure) {
        try send(Array(text.utf8))
    }

    /// Receives exactly `count` bytes.
    public func receive(exactly count: Int) throws(Failure) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: count)
        var received = 0
        while received < count {
            let result = bytes.withUnsafeMutableBytes {
                Glibc.recv(fd, $0.baseAddress! + received, count - received, 0)
            }
            if result > 0 {
                received += result
            } else if result == 0 {
                throw .closedByPeer(received: received)
            } else if errno == EAGAIN || errno == EWOULDBLOCK {
                throw .timedOut(received: received)
            } else if errno != EINTR {
                throw BlockingSocket.failure("recv")
            }
        }
        return bytes
    }

    /// Receives until the peer closes; returns everything received. A reset after data counts
    /// as the end too.
    public func receiveUntilClosed(limit: Int = 64 * 1024 * 1024) throws(Failure) -> [UInt8] {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while bytes.count < limit {
            let result = chunk.withUnsafeMutableBytes { Glibc.recv(fd, $0.baseAddress!, $0.count, 0) }
            if result > 0 {
                bytes.append(contentsOf: chunk[0..<result])
            } else if result == 0 || errno == ECONNRESET {
                return bytes
            } else if errno == EAGAIN || errno == EWOULDBLOCK {
                throw .timedOut(received: bytes.count)
            } else if errno != EINTR {
                throw BlockingSocket.failure("recv")
            }
        }
        return bytes
    }

    public func close() {
        Glibc.shutdown(fd, Int32(SHUT_RDWR))
    }

    static func failure(_ operation: String) -> Failure {
        .system(operation: operation, reason: String(cString: strerror(errno)))
    }
}
