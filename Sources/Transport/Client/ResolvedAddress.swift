import CLinux
import Glibc

/// One address a host name resolved to, as bytes of a `sockaddr_storage` so that it can cross from
/// the resolving thread to the loop.
struct ResolvedAddress: Sendable {
    let storage: [UInt8]
    let length: socklen_t

    /// The addresses of `host` for a TCP connection to `port`, in the resolver's order (blocking:
    /// never on a loop). Throws the reason when the name does not resolve.
    static func resolve(host: String, port: Int) throws(TransportError) -> [ResolvedAddress] {
        let capacity = 16
        var addresses = [sockaddr_storage](repeating: sockaddr_storage(), count: capacity)
        var lengths = [socklen_t](repeating: 0, count: capacity)
        var code: Int32 = 0
        let count = ampwise_tcp_resolve(host, Int32(clamping: port), &addresses, &lengths, Int32(capacity), &code)
        guard count > 0 else {
            let reason =
                count == 0
                ? "no address"
                : code < 0
                    ? String(cString: gai_strerror(-code)).lowercased()
                    : TransportError.reason(errno: code)
            throw .cannotConnect(host: host, port: port, reason: reason)
        }
        return (0..<Int(count)).map { index in
            withUnsafeBytes(of: addresses[index]) { ResolvedAddress(storage: [UInt8]($0), length: lengths[index]) }
        }
    }

    /// Runs `body` with the address as a `sockaddr_storage`.
    func withStorage<Result>(_ body: (UnsafePointer<sockaddr_storage>) -> Result) -> Result {
        storage.withUnsafeBytes { bytes in
            body(bytes.baseAddress!.assumingMemoryBound(to: sockaddr_storage.self))
        }
    }

    /// "10.0.0.7:502" or "[fd00::7]:502".
    var text: String {
        var buffer = [CChar](repeating: 0, count: 64)
        withStorage { ampwise_format_address($0, &buffer, buffer.count) }
        return buffer.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
    }
}
