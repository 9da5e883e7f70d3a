import Synchronization

/// The addresses host names resolved to, kept for outgoing connections (`EventLoopGroup.connect`
/// with `addresses:`) so that a device polled every second is not resolved every second: the
/// resolver blocks a thread of its own and, for a name, asks the DNS.
///
/// An entry is used for `timeToLive` seconds (the resolver does not say the DNS record's TTL),
/// and forgotten as soon as a connection to its addresses cannot be made (refused, unreachable,
/// timed out), so that a device that moved is found again on the next attempt. A name that does
/// not resolve is not kept: the next attempt asks again. Safe to share between loops.
public final class AddressCache: Sendable {
    /// Seconds an entry is used before the name is resolved again.
    public let timeToLive: Double
    private let lifetime: UInt64
    private let now: @Sendable () -> UInt64
    private let entries = Mutex<[Key: Entry]>([:])
    private let resolutions = Atomic<Int>(0)

    private struct Key: Hashable {
        let host: String
        let port: Int
    }

    private struct Entry {
        let addresses: [ResolvedAddress]
        let resolvedAt: UInt64
    }

    /// `nanoseconds`: the clock that ages the entries (`MonotonicClock`); tests give their own.
    public init(
        timeToLive: Double = 300, nanoseconds: @escaping @Sendable () -> UInt64 = { MonotonicClock.nanoseconds() }
    ) {
        self.timeToLive = timeToLive
        lifetime = MonotonicClock.nanoseconds(fromSeconds: timeToLive)
        now = nanoseconds
    }

    /// How many times a name was handed to the resolver through this cache (for tests and
    /// diagnostics).
    public var resolutionCount: Int { resolutions.load(ordering: .relaxed) }

    /// The fresh addresses of `host`:`port`, or nil when they must be resolved.
    func addresses(host: String, port: Int) -> [ResolvedAddress]? {
        let time = now()
        return entries.withLock { entries in
            let key = Key(host: host, port: port)
            guard let entry = entries[key] else { return nil }
            guard time >= entry.resolvedAt, time - entry.resolvedAt < lifetime else {
                entries[key] = nil
                return nil
            }
            return entry.addresses
        }
    }

    /// Resolves `host`:`port` (blocking: on the resolver's queue) and keeps what it found.
    func resolve(host: String, port: Int) throws(TransportError) -> [ResolvedAddress] {
        resolutions.add(1, ordering: .relaxed)
        let addresses = try ResolvedAddress.resolve(host: host, port: port)
        let time = now()
        entries.withLock { $0[Key(host: host, port: port)] = Entry(addresses: addresses, resolvedAt: time) }
        return addresses
    }

    /// Drops the entry of `host`:`port`: its addresses did not take a connection.
    public func forget(host: String, port: Int) {
        _ = entries.withLock { $0.removeValue(forKey: Key(host: host, port: port)) }
    }
}
