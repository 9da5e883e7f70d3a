import HTTP
import HTTPClient
import TestSupport
import Testing
import Transport

@Suite struct HTTPClientTests {
    static func response(_ text: String) -> [UInt8] { Array(text.utf8) }

    @Test func getsAContentLengthBodyAndSendsTheHeaders() async throws {
        let server = try CannedHTTPServer { _ in
            HTTPClientTests.response("HTTP/1.1 200 OK\r\nContent-Length: 16\r\n\r\n{\"state\":\"1234\"}")
        }
        defer { server.shutdown() }
        let client = HTTPClient(group: server.group)
        let url = try HTTPURL("http://127.0.0.1:\(server.port)/api/states/sensor.grid?x=1")
        let response = try await client.get(url, headers: HTTPHeaders([("Authorization", "Bearer abc")]))
        #expect(response.status.code == 200)
        #expect(String(decoding: response.body, as: UTF8.self) == "{\"state\":\"1234\"}")
        let request = try #require(server.requests.first)
        #expect(request.hasPrefix("GET /api/states/sensor.grid?x=1 HTTP/1.1\r\n"))
        #expect(request.contains("\r\nHost: 127.0.0.1:\(server.port)\r\n"))
        #expect(request.contains("\r\nAuthorization: Bearer abc\r\n"))
        #expect(request.contains("\r\nConnection: close\r\n"))
    }

    @Test func decodesAChunkedBody() async throws {
        let server = try CannedHTTPServer { _ in
            HTTPClientTests.response(
                "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5;ext=1\r\nhello\r\n7\r\n, world\r\n0\r\nX-Trailer: 1\r\n\r\n"
            )
        }
        defer { server.shutdown() }
        let response = try await HTTPClient(group: server.group).get(try HTTPURL("http://127.0.0.1:\(server.port)/"))
        #expect(String(decoding: response.body, as: UTF8.self) == "hello, world")
    }

    @Test func readsABodyThatEndsWhenTheServerCloses() async throws {
        let server = try CannedHTTPServer(closesAfterResponse: true) { _ in
            HTTPClientTests.response("HTTP/1.0 200 OK\r\n\r\n1234.5")
        }
        defer { server.shutdown() }
        let response = try await HTTPClient(group: server.group).get(try HTTPURL("http://127.0.0.1:\(server.port)/"))
        #expect(String(decoding: response.body, as: UTF8.self) == "1234.5")
    }

    @Test func postsABodyWithItsLength() async throws {
        let server = try CannedHTTPServer { _ in HTTPClientTests.response("HTTP/1.1 204 No Content\r\n\r\n") }
        defer { server.shutdown() }
        let response = try await HTTPClient(group: server.group).post(
            try HTTPURL("http://127.0.0.1:\(server.port)/prices"), body: Array("{\"a\":1}".utf8),
            headers: HTTPHeaders([("Content-Type", "application/json")]))
        #expect(response.status.code == 204)
        let request = try #require(server.requests.first)
        #expect(request.hasPrefix("POST /prices HTTP/1.1\r\n"))
        #expect(request.contains("\r\nContent-Length: 7\r\n"))
        #expect(request.hasSuffix("\r\n\r\n{\"a\":1}"))
    }

    @Test func refusesAResponseLargerThanTheCap() async throws {
        let server = try CannedHTTPServer { _ in
            HTTPClientTests.response(
                "HTTP/1.1 200 OK\r\nContent-Length: 2000\r\n\r\n" + String(repeating: "x", count: 2000))
        }
        defer { server.shutdown() }
        let request = HTTPClientRequest(
            url: try HTTPURL("http://127.0.0.1:\(server.port)/"), maximumResponseBytes: 1000)
        await #expect(throws: HTTPClientError.response(.bodyTooLarge(limit: 1000))) {
            try await HTTPClient(group: server.group).send(request)
        }
    }

    @Test func aServerThatNeverAnswersTimesOut() async throws {
        let server = try CannedHTTPServer { _ in nil }
        defer { server.shutdown() }
        let request = HTTPClientRequest(url: try HTTPURL("http://127.0.0.1:\(server.port)/"), timeout: 0.2)
        await #expect(throws: HTTPClientError.timedOut(seconds: 0.2)) {
            try await HTTPClient(group: server.group).send(request)
        }
        #expect(server.requests.count == 1)
    }

    @Test func aRefusedConnectionSaysSo() async throws {
        let group = EventLoopGroup(loopCount: 1)
        defer { group.shutdown() }
        let closed = try CannedHTTPServer { _ in nil }
        let port = closed.port
        closed.shutdown()
        await #expect(
            throws: HTTPClientError.transport(
                .cannotConnect(host: "127.0.0.1", port: port, reason: "connection refused"))
        ) {
            try await HTTPClient(group: group).get(try HTTPURL("http://127.0.0.1:\(port)/"))
        }
    }

    @Test func getsOverHTTPSFromAServerItTrusts() async throws {
        let files = try TestCertificates()
        let (certificate, key) = try files.makeSelfSigned()
        let context = try TLSContext(
            configuration: TLSConfiguration(certificateChainPath: certificate, privateKeyPath: key))
        let server = try CannedHTTPServer(tls: context) { _ in
            HTTPClientTests.response("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok")
        }
        defer { server.shutdown() }
        let client = HTTPClient(group: server.group, tls: try ClientTLSContext(trustedCertificatesPath: certificate))
        let response = try await client.get(try HTTPURL("https://localhost:\(server.port)/"))
        #expect(String(decoding: response.body, as: UTF8.self) == "ok")
        // The system's store does not know the test certificate.
        await #expect(throws: HTTPClientError.self) {
            try await HTTPClient(group: server.group).get(try HTTPURL("https://localhost:\(server.port)/"))
        }
    }

    @Test func refusesAHeaderValueWithALineBreak() async throws {
        let group = EventLoopGroup(loopCount: 1)
        defer { group.shutdown() }
        await #expect(throws: HTTPClientError.invalidHeader(name: "X-Test")) {
            try await HTTPClient(group: group).get(
                try HTTPURL("http://127.0.0.1:1/"), headers: HTTPHeaders([("X-Test", "a\r\nInjected: 1")]))
        }
    }
}
