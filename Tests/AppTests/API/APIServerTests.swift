import Foundation
import Scheduling
import TestSupport
import Testing
import Transport

@testable import App

/// The real server on a free loopback port, driven by a blocking client.
@Suite struct APIServerTests {
    /// `GET /api/health` of the harness (version 9.8.7, in Europe/Amsterdam).
    static let health = #"{"status":"ok","version":"9.8.7","timezone":"Europe/Amsterdam"}"#

    /// Runs `body` against a server over `api`'s fakes, then stops it.
    func withServer(
        _ api: APIHarness, token: String? = nil, limits: APIServerLimits = APIServerLimits(),
        clock: ManualClock? = nil, _ body: (Int) async throws -> Void
    ) async throws {
        let group = EventLoopGroup(loopCount: 1, clock: clock)
        let server = try APIServer(
            host: "127.0.0.1", port: 0, token: token, dependencies: api.dependencies, group: group, limits: limits)
        // Stopping blocks until the loops are done: keep that off the pool the other tests run on.
        let stop = { @Sendable in
            server.stop()
            group.shutdown()
        }
        do {
            try await body(server.localPort)
        } catch {
            _ = try? await offPool(stop)
            throw error
        }
        try await offPool(stop)
    }

    @Test func servesRequestsOnOneKeptAliveConnection() async throws {
        let api = APIHarness(connected: ["garage"], snapshots: [APIHarness.plainCharger("garage")])
        try await withServer(api) { port in
            let client = try TestHTTPClient(port: port)
            let (health, reset) = try await offPool {
                try client.send("GET /api/health HTTP/1.1\r\nHost: x\r\n\r\n")
                let health = try client.readResponse()
                let body = #"{"type":"Soft"}"#
                try client.send(
                    "POST /api/chargers/garage/reset HTTP/1.1\r\nHost: x\r\nContent-Length: \(body.utf8.count)\r\n\r\n"
                        + body)
                return (health, try client.readResponse())
            }
            #expect(health.statusCode == 200)
            #expect(health.bodyText == Self.health)
            #expect(health.headers["Connection"] == nil)
            #expect(reset.statusCode == 200)
            #expect(reset.bodyText == #"{"status":"Accepted"}"#)
            #expect(api.central.calls.map(\.action) == ["Reset"])
        }
    }

    @Test func pipelinedResponsesComeInRequestOrderEvenWhenALaterOneIsReadyFirst() async throws {
        let api = APIHarness(connected: ["slow"], snapshots: [APIHarness.plainCharger("slow")])
        let chargerGate = AsyncGate()
        let metricsComputed = AsyncGate()
        api.central.hold("slow", until: chargerGate)
        api.scheduler.onEvaluationCount.withLock { $0 = { metricsComputed.open() } }
        try await withServer(api) { port in
            let client = try TestHTTPClient(port: port)
            let body = #"{"type":"Soft"}"#
            try await offPool {
                try client.send(
                    "POST /api/chargers/slow/reset HTTP/1.1\r\nHost: x\r\nContent-Length: \(body.utf8.count)\r\n\r\n\(body)"
                        + "GET /metrics HTTP/1.1\r\nHost: x\r\n\r\nGET /api/health HTTP/1.1\r\nHost: x\r\n\r\n")
            }
            // The metrics answer is ready while the charger still holds the reset's answer.
            await metricsComputed.wait()
            chargerGate.open()
            let responses = try await offPool { try (0..<3).map { _ in try client.readResponse() } }
            #expect(responses.map(\.statusCode) == [200, 200, 200])
            #expect(responses[0].bodyText == #"{"status":"Accepted"}"#)
            #expect(responses[1].bodyText.hasPrefix("# HELP ampwise_chargers_connected"))
            #expect(responses[2].bodyText == Self.health)
        }
    }

    @Test func aBodyOfOneMebibyteIsAcceptedAndALargerOneIs413() async throws {
        let api = APIHarness()
        try await withServer(api) { port in
            let opening = #"{"grid.power":1"#
            let body = opening + String(repeating: " ", count: (1 << 20) - opening.utf8.count - 1) + "}"
            let client = try TestHTTPClient(port: port)
            let (accepted, refused, closed) = try await offPool {
                try client.send(
                    "PUT /api/inputs HTTP/1.1\r\nHost: x\r\nContent-Length: \(body.utf8.count)\r\n\r\n" + body)
                let accepted = try client.readResponse()
                try client.send("PUT /api/inputs HTTP/1.1\r\nHost: x\r\nContent-Length: \((1 << 20) + 1)\r\n\r\n")
                let refused = try client.readResponse()
                return (accepted, refused, try client.isClosedByServer())
            }
            #expect(accepted.statusCode == 200)
            #expect(api.scheduler.current.inputUpdates == [InputUpdate(values: [.gridPower: 1])])
            #expect(refused.statusCode == 413)
            #expect(refused.headers["Connection"] == "close")
            #expect(refused.bodyText == #"{"error":"request body of 1048577 bytes exceeds 1048576 bytes"}"#)
            #expect(closed)
        }
    }

    @Test func aMalformedRequestIs400AndClosesTheConnection() async throws {
        try await withServer(APIHarness()) { port in
            let client = try TestHTTPClient(port: port)
            let (response, closed) = try await offPool {
                try client.send("GET /api/health HTTP/1.1\r\nHost: x\r\nBad Header\r\n\r\n")
                return (try client.readResponse(), try client.isClosedByServer())
            }
            #expect(response.statusCode == 400)
            #expect(response.bodyText == #"{"error":"malformed request: header line without a colon"}"#)
            #expect(closed)
        }
    }

    @Test func connectionCloseAndHTTP10CloseAfterTheResponse() async throws {
        try await withServer(APIHarness()) { port in
            for request in [
                "GET /api/health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", "GET /api/health HTTP/1.0\r\n\r\n",
            ] {
                let client = try TestHTTPClient(port: port)
                let (response, closed) = try await offPool {
                    try client.send(request)
                    return (try client.readResponse(), try client.isClosedByServer())
                }
                #expect(response.statusCode == 200)
                #expect(response.headers["Connection"] == "close")
                #expect(closed)
            }
        }
    }

    @Test func http10KeepAliveIsHonoured() async throws {
        try await withServer(APIHarness()) { port in
            let client = try TestHTTPClient(port: port)
            let responses = try await offPool {
                try client.send("GET /api/health HTTP/1.0\r\nConnection: keep-alive\r\n\r\n")
                let first = try client.readResponse()
                try client.send("GET /api/health HTTP/1.0\r\nConnection: keep-alive\r\n\r\n")
                return [first, try client.readResponse()]
            }
            #expect(responses.map(\.statusCode) == [200, 200])
            #expect(responses[0].headers["Connection"] == "keep-alive")
        }
    }

    /// Lines ended by a bare LF never completed a request before: the client waited in silence.
    @Test func aRequestWithBareLineFeedsIsAnswered() async throws {
        try await withServer(APIHarness()) { port in
            let client = try TestHTTPClient(port: port)
            let (health, noHost) = try await offPool {
                try client.send("GET /api/health HTTP/1.1\nHost: x\n\n")
                let health = try client.readResponse()
                try client.send("GET /api/health HTTP/1.1\n\n")
                return (health, try client.readResponse())
            }
            #expect(health.statusCode == 200)
            #expect(health.bodyText == Self.health)
            #expect(noHost.statusCode == 400)
        }
    }

    @Test func theTokenIsCheckedOnTheWire() async throws {
        try await withServer(APIHarness(), token: "t0k") { port in
            let client = try TestHTTPClient(port: port)
            let responses = try await offPool {
                try client.send("GET /api/health HTTP/1.1\r\nHost: x\r\n\r\n")
                let refused = try client.readResponse()
                try client.send("GET /api/health HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer t0k\r\n\r\n")
                return [refused, try client.readResponse()]
            }
            #expect(responses.map(\.statusCode) == [401, 200])
        }
    }

    @Test func requestsBeyondThePipeliningBoundWaitAndAreAllAnswered() async throws {
        var limits = APIServerLimits()
        limits.maxPipelinedRequests = 1
        try await withServer(APIHarness(), limits: limits) { port in
            let client = try TestHTTPClient(port: port)
            let responses = try await offPool {
                try client.send(
                    String(repeating: "GET /api/health HTTP/1.1\r\nHost: x\r\n\r\n", count: 3)
                        + "GET /x HTTP/1.1\r\nHost: x\r\n\r\n")
                return try (0..<4).map { _ in try client.readResponse() }
            }
            #expect(responses.map(\.statusCode) == [200, 200, 200, 404])
        }
    }

    @Test func anIdleConnectionIsClosed() async throws {
        let clock = ManualClock()
        let idleTimeout = APIServerLimits().idleTimeout
        try await withServer(APIHarness(), clock: clock) { port in
            let client = try TestHTTPClient(port: port)
            let response = try await offPool {
                try client.send("GET /api/health HTTP/1.1\r\nHost: x\r\n\r\n")
                return try client.readResponse()
            }
            #expect(response.statusCode == 200)
            // The idle timer started when the response was written.
            clock.advance(by: idleTimeout)
            #expect(try await offPool { try client.isClosedByServer() })
        }
    }

    @Test func expectContinueIsAnsweredBeforeTheBody() async throws {
        let api = APIHarness()
        try await withServer(api) { port in
            let client = try TestHTTPClient(port: port)
            let body = #"{"grid.power":5}"#
            let (interim, final) = try await offPool {
                try client.send(
                    "PUT /api/inputs HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: \(body.utf8.count)\r\n\r\n"
                )
                let interim = try client.readResponse()
                try client.send(body)
                return (interim, try client.readResponse())
            }
            #expect(interim.statusCode == 100)
            #expect(final.statusCode == 200)
            #expect(api.scheduler.current.inputUpdates == [InputUpdate(values: [.gridPower: 5])])
        }
    }

    @Test func headIsGetWithoutTheBody() async throws {
        try await withServer(APIHarness()) { port in
            let client = try TestHTTPClient(port: port)
            let (head, get) = try await offPool {
                try client.send(
                    "HEAD /api/health HTTP/1.1\r\nHost: x\r\n\r\nGET /api/health HTTP/1.1\r\nHost: x\r\n\r\n")
                // Had HEAD's answer carried a body, the GET's status line would not come next.
                return (try client.readResponse(body: false), try client.readResponse())
            }
            #expect(head.statusCode == 200)
            #expect(head.headers["Content-Length"] == String(Self.health.utf8.count))
            #expect(get.statusCode == 200)
            #expect(get.bodyText == Self.health)
        }
    }

    @Test(arguments: [
        ("POST /api/rules/reload HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n", 501),
        ("GET /api/health HTTP/1.1\r\nHost: x\r\nX-Big: " + String(repeating: "a", count: 17 * 1024) + "\r\n\r\n", 431),
        ("GET /api/health HTTP/1.2\r\n\r\n", 505),
    ])
    func requestsTheServerCannotReadGetTheirStatusAndAClose(request: String, status: Int) async throws {
        try await withServer(APIHarness()) { port in
            let client = try TestHTTPClient(port: port)
            let (response, closed) = try await offPool {
                try client.send(request)
                return (try client.readResponse(), try client.isClosedByServer())
            }
            #expect(response.statusCode == status)
            #expect(response.headers["Content-Type"] == "application/json; charset=utf-8")
            #expect(response.headers["Connection"] == "close")
            #expect(closed)
        }
    }
}
