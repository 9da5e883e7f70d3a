import Foundation
import JSON
import TestSupport
import Testing
import Transport

@testable import App

/// `GET /api/events` on the real server: the head, the snapshot, keep-alive comments, and a client
/// too slow to read being dropped.
@Suite struct EventStreamServerTests {
    func withStream(
        limits: APIServerLimits = APIServerLimits(), clock: ManualClock? = nil,
        _ body: (LiveEvents, TestHTTPClient) async throws -> Void
    ) async throws {
        let api = APIHarness(connected: ["garage"], snapshots: [APIHarness.plainCharger("garage")])
        // Bursts are sent when a test says (`flush()`), so that none grows past what it means to write.
        let events = LiveEvents(burstWindow: nil)
        let source = EventStreamSource(events: events) {
            [("charger", .object(JSONObject([("id", .string("garage"))])))]
        }
        let group = EventLoopGroup(loopCount: 1, clock: clock)
        let server = try APIServer(
            host: "127.0.0.1", port: 0, token: nil, dependencies: api.dependencies, group: group, limits: limits,
            eventStream: source)
        let stop = { @Sendable in
            server.stop()
            group.shutdown()
        }
        do {
            let socket = try TestHTTPClient(port: server.localPort)
            try socket.send("GET /api/events HTTP/1.1\r\nHost: x\r\n\r\n")
            try await body(events, socket)
        } catch {
            _ = try? await offPool(stop)
            throw error
        }
        try await offPool(stop)
    }

    /// Reads until `marker` has arrived; answers all read so far.
    func read(_ socket: TestHTTPClient, until marker: String, after text: String = "") async throws -> String {
        var received = text
        while !received.contains(marker) {
            received += String(decoding: try await offPool { try socket.receive(exactly: 1) }, as: UTF8.self)
        }
        return received
    }

    @Test func aNewStreamGetsTheHeadThenOneChargerEventPerCharger() async throws {
        try await withStream { _, socket in
            let text = try await read(socket, until: "\"garage\"}\n\n")
            #expect(text.hasPrefix("HTTP/1.1 200 OK\r\n"))
            #expect(text.contains("Content-Type: text/event-stream; charset=utf-8\r\n"))
            #expect(!text.contains("Content-Length"))
            #expect(text.contains("event: charger\ndata: {\"id\":\"garage\"}\n\n"))
        }
    }

    @Test func anIdleStreamGetsACommentEveryKeepAliveInterval() async throws {
        let clock = ManualClock()
        var limits = APIServerLimits()
        limits.eventKeepAlive = 15
        try await withStream(limits: limits, clock: clock) { _, socket in
            let text = try await read(socket, until: "\"garage\"}\n\n")
            await clock.waitForTimer(dueWithin: 15)
            clock.advance(by: 15)
            _ = try await read(socket, until: ": keep-alive\n\n", after: text)
        }
    }

    @Test func aClientThatDoesNotReadIsDroppedInsteadOfGrowingTheServersMemory() async throws {
        var limits = APIServerLimits()
        limits.maxEventStreamQueuedBytes = 64 * 1024
        try await withStream(limits: limits) { events, socket in
            _ = try await read(socket, until: "\"garage\"}\n\n")
            let large = JSONValue.string(String(repeating: "x", count: 64 * 1024))
            // The kernel's buffers take some megabytes first; then the server's queue passes the
            // bound and the stream is dropped. Bounded, so that a server that never drops fails.
            var published = 0
            while events.hasSubscribers && published < 4000 {
                events.publish("input", large)
                events.flush()
                published += 1
                await Task.yield()
            }
            #expect(!events.hasSubscribers)
            // Dropped by the stream's own bound, not at the transport's last resort (8 MiB queued).
            #expect(events.droppedStreamCount == 1)
        }
    }
}
