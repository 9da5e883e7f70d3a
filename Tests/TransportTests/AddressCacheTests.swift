import TestSupport
import Testing

@testable import Transport

/// `AddressCache`: a name polled every second is resolved once, and again after a failure or its
/// time to live (docs/sources.md, "Connections").
@Suite struct AddressCacheTests {
    /// Opens one connection through `cache` and returns its first event ("open" or "fail ...").
    static func connect(_ group: EventLoopGroup, port: Int, cache: AddressCache) -> String? {
        let probe = ServerProbe()
        group.connect(host: "localhost", port: port, timeout: 5, addresses: cache) { _ in
            ClientProbeHandler(probe: probe)
        }
        guard probe.wait(until: { !$0.isEmpty }) else { return nil }
        return probe.recorded.first
    }

    @Test func aNameIsResolvedOnceWhileItsAddressesTakeConnections() throws {
        let server = try TestServer()
        defer { server.shutdown() }
        let cache = AddressCache()
        for _ in 0..<3 {
            #expect(AddressCacheTests.connect(server.group, port: server.port, cache: cache) == "open")
        }
        #expect(cache.resolutionCount == 1)
    }

    @Test func addressesThatRefuseAreResolvedAgainOnTheNextAttempt() throws {
        let group = EventLoopGroup(loopCount: 1)
        defer { group.shutdown() }
        let port = try OutgoingConnectionTests.closedPort()
        let cache = AddressCache()
        for attempt in 1...2 {
            let event = AddressCacheTests.connect(group, port: port, cache: cache)
            #expect(event?.hasPrefix("fail cannot connect to localhost:\(port)") == true)
            #expect(cache.resolutionCount == attempt)
        }
    }

    @Test func anEntryIsResolvedAgainAfterItsTimeToLive() throws {
        let server = try TestServer()
        defer { server.shutdown() }
        // The cache's own clock: the loops keep theirs, so connect timeouts are untouched.
        let clock = ManualClock()
        let cache = AddressCache(timeToLive: 60) { clock.nanoseconds() }
        #expect(AddressCacheTests.connect(server.group, port: server.port, cache: cache) == "open")
        clock.advance(by: 59)
        #expect(AddressCacheTests.connect(server.group, port: server.port, cache: cache) == "open")
        #expect(cache.resolutionCount == 1)
        clock.advance(by: 1)
        #expect(AddressCacheTests.connect(server.group, port: server.port, cache: cache) == "open")
        #expect(cache.resolutionCount == 2)
    }
}
