import Glibc

/// A blocking TCP socket to an IPv4 address, for simulated chargers on threads of their own: reads
/// wait in poll(2) with a timeout, so a charger's thread also gets to run its clock.
final class SimulatorSocket {
    private var descriptor: Int32

    init(host: String, port: Int) throws(SimulationError) {
        descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw .connectFailed("socket: \(Self.errnoText())") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = UInt16(port).bigEndian
        guard inet_pton(AF_INET, host, &address.sin_addr) == 1 else {
            Glibc.close(descriptor)
            throw .connectFailed("not an IPv4 address: \(host)")
        }
        let result = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                Glibc.connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard result == 0 else {
            let reason = Self.errnoText()
            Glibc.close(descriptor)
            throw .connectFailed("\(host):\(port): \(reason)")
        }
        var noDelay: Int32 = 1
        setsockopt(descriptor, Int32(IPPROTO_TCP), TCP_NODELAY, &noDelay, socklen_t(MemoryLayout<Int32>.size))
    }

    deinit { close() }

    /// Writes every byte; a closed peer is an error, not a SIGPIPE.
    func send(_ bytes: [UInt8]) throws(SimulationError) {
        var offset = 0
        while offset < bytes.count {
            guard descriptor >= 0 else { throw .closed }
            let written = bytes.withUnsafeBytes { buffer in
                Glibc.send(descriptor, buffer.baseAddress! + offset, buffer.count - offset, Int32(MSG_NOSIGNAL))
            }
            if written < 0 && errno == EINTR { continue }
            guard written > 0 else { throw .closed }
            offset += written
        }
    }

    /// The bytes available within `milliseconds`: empty on a timeout; throws once the peer closed.
    func receive(waitingAtMost milliseconds: Int32) throws(SimulationError) -> [UInt8] {
        guard descriptor >= 0 else { throw .closed }
        var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        let ready = poll(&poller, 1, milliseconds)
        if ready == 0 || (ready < 0 && errno == EINTR) { return [] }
        guard ready > 0 else { throw .closed }
        var buffer = [UInt8](repeating: 0, count: 16 * 1024)
        let count = buffer.withUnsafeMutableBytes { Glibc.recv(descriptor, $0.baseAddress, $0.count, 0) }
        guard count > 0 else { throw .closed }
        return Array(buffer.prefix(count))
    }

    func close() {
        guard descriptor >= 0 else { return }
        Glibc.close(descriptor)
        descriptor = -1
    }

    private static func errnoText() -> String { String(cString: strerror(errno)) }
}
