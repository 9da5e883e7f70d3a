import HTTP
import HTTPClient
import TestSupport
import Testing
import Transport

/// `HTTPPersistentConnection`: what a source's device gets asked every interval, on one kept
/// connection (docs/sources.md, "Connections").
@Suite struct HTTPPersistentConnectionTests {
    static let okay = Array("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok".utf8)

    static func get(_ connection: HTTPPersistentConnection, port: Int, timeout: Double = 5) async throws
        -> HTTPResponse
    {
        try await connection.send(
            HTTPClientRequest(url: try HTTPURL("http://127.0.0.1:\(port)/status"), timeout: timeout))
    }

    @Test func requestsAfterTheFirstReuseItsConnection() async throws {
        let server = try CannedHTTPServer(keepsAlive: true) { _ in HTTPPersistentConnectionTests.okay }
        defer { server.shutdown() }
        let connection = HTTPClient(group: server.group).persistentConnection(
            to: try HTTPURL("http://127.0.0.1:\(server.port)/status"))
        for _ in 0..<3 {
            let response = try await HTTPPersistentConnectionTests.get(connection, port: server.port)
            #expect(String(decoding: response.body, as: UTF8.self) == "ok")
        }
        #expect(server.requests.count == 3)
        #expect(server.connectionCount == 1)
        #expect(server.requests.allSatisfy { $0.contains("\r\nConnection: keep-alive\r\n") })
    }

    @Test func aServerThatAnswersConnectionCloseGetsAConnectionPerRequest() async throws {
        let server = try CannedHTTPServer(closesAfterResponse: true) { _ in
            Array("HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 2\r\n\r\nok".utf8)
        }
        defer { server.shutdown() }
        let connection = HTTPClient(group: server.group).persistentConnection(
            to: try HTTPURL("http://127.0.0.1:\(server.port)/status"))
        for _ in 0..<3 {
            let response = try await HTTPPersistentConnectionTests.get(connection, port: server.port)
            #expect(String(decoding: response.body, as: UTF8.self) == "ok")
        }
        #expect(server.connectionCount == 3)
    }

    @Test func anHTTP10AnswerReadUntilTheCloseEndsTheConnection() async throws {
        let server = try CannedHTTPServer(closesAfterResponse: true) { _ in Array("HTTP/1.0 200 OK\r\n\r\n1234.5".utf8)
        }
        defer { server.shutdown() }
        let connection = HTTPClient(group: server.group).persistentConnection(
            to: try HTTPURL("http://127.0.0.1:\(server.port)/status"))
        for _ in 0..<2 {
            let response = try await HTTPPersistentConnectionTests.get(connection, port: server.port)
            #expect(String(decoding: response.body, as: UTF8.self) == "1234.5")
        }
        #expect(server.connectionCount == 2)
    }

    /// The server says nothing about closing, then closes the kept connection: whether the next
    /// request finds it closed or goes out as it closes, it is answered on a new one.
    @Test func aKeptConnectionTheServerClosedIsOpenedAgain() async throws {
        let server = try CannedHTTPServer(closesAfterResponse: true) { _ in HTTPPersistentConnectionTests.okay }
        defer { server.shutdown() }
        let connection = HTTPClient(group: server.group).persistentConnection(
            to: try HTTPURL("http://127.0.0.1:\(server.port)/status"))
        for _ in 0..<3 {
            let response = try await HTTPPersistentConnectionTests.get(connection, port: server.port)
            #expect(response.status.code == 200)
        }
        #expect(server.connectionCount == 3)
        #expect(server.requests.count == 3)
    }

    /// A device that hangs: the request times out, its connection is dropped (a late answer must
    /// not be taken for the next request's), and the next request opens a new one.
    @Test func aRequestThatTimesOutDropsItsConnection() async throws {
        let server = try CannedHTTPServer(keepsAlive: true) { request in
            request.hasPrefix("GET /hang ") ? nil : HTTPPersistentConnectionTests.okay
        }
        defer { server.shutdown() }
        let base = "http://127.0.0.1:\(server.port)"
        let connection = HTTPClient(group: server.group).persistentConnection(to: try HTTPURL(base + "/"))
        await #expect(throws: HTTPClientError.timedOut(seconds: 0.2)) {
            try await connection.send(HTTPClientRequest(url: try HTTPURL(base + "/hang"), timeout: 0.2))
        }
        let response = try await connection.send(HTTPClientRequest(url: try HTTPURL(base + "/status")))
        #expect(response.status.code == 200)
        #expect(server.connectionCount == 2)
    }

    @Test func refusesAURLOfAnotherServer() async throws {
        let group = EventLoopGroup(loopCount: 1)
        defer { group.shutdown() }
        let connection = HTTPClient(group: group).persistentConnection(to: try HTTPURL("http://127.0.0.1:8080/"))
        await #expect(throws: HTTPClientError.self) {
            try await connection.send(HTTPClientRequest(url: try HTTPURL("http://127.0.0.1:8081/")))
        }
    }

    /// A request prepared once (as a source does) goes out the same every time, headers and all.
    @Test func aPreparedRequestIsSentTheSameEveryTime() async throws {
        let server = try CannedHTTPServer(keepsAlive: true) { _ in HTTPPersistentConnectionTests.okay }
        defer { server.shutdown() }
        let url = try HTTPURL("http://127.0.0.1:\(server.port)/status")
        let connection = HTTPClient(group: server.group).persistentConnection(to: url)
        let prepared = try connection.prepare(
            HTTPClientRequest(url: url, headers: HTTPHeaders([("Authorization", "Bearer abc")])))
        for _ in 0..<3 {
            let response = try await connection.send(prepared)
            #expect(String(decoding: response.body, as: UTF8.self) == "ok")
        }
        #expect(server.requests.count == 3)
        #expect(Set(server.requests).count == 1)
        #expect(server.requests.allSatisfy { $0.contains("\r\nAuthorization: Bearer abc\r\n") })
    }

    @Test func preparingRefusesAURLOfAnotherServerAndAHeaderThatCannotBeSent() async throws {
        let group = EventLoopGroup(loopCount: 1)
        defer { group.shutdown() }
        let connection = HTTPClient(group: group).persistentConnection(to: try HTTPURL("http://127.0.0.1:8080/"))
        #expect(throws: HTTPClientError.self) {
            try connection.prepare(HTTPClientRequest(url: try HTTPURL("http://127.0.0.1:8081/")))
        }
        #expect(throws: HTTPClientError.self) {
            try connection.prepare(
                HTTPClientRequest(
                    url: try HTTPURL("http://127.0.0.1:8080/"), headers: HTTPHeaders([("X-Bad", "a\r\nb")])))
        }
    }
}
