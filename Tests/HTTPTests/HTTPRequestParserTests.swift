import HTTP
import Testing

@testable import HTTP

@Suite struct HTTPRequestParserTests {
    private func parseOne(_ text: String, parser: HTTPRequestParser = HTTPRequestParser()) throws -> HTTPRequest? {
        var parser = parser
        parser.append(Array(text.utf8))
        return try parser.next()
    }

    @Test func parsesRequestLineHeadersAndTarget() throws {
        let request = try #require(
            try parseOne(
                "GET /api/chargers/CP%201/configuration?key=A&key=B HTTP/1.1\r\nHost: x\r\nX-Two: 1\r\n"
                    + "x-two: 2\r\n\r\n"))
        #expect(request.method == "GET")
        #expect(request.target == "/api/chargers/CP%201/configuration?key=A&key=B")
        #expect(request.path == "/api/chargers/CP%201/configuration")
        #expect(request.pathSegments == ["api", "chargers", "CP 1", "configuration"])
        #expect(request.queryValues("key") == ["A", "B"])
        #expect(request.queryValue("key") == "A")
        #expect(request.version == .http11)
        #expect(request.headers["HOST"] == "x")
        #expect(request.headers.values(for: "X-TWO") == ["1", "2"])
        #expect(request.body == [])
        #expect(request.keepAlive)
    }

    @Test func aRequestWithBareLFsIsFollowedByTheNextOne() throws {
        var parser = HTTPRequestParser()
        parser.append(Array("GET /a HTTP/1.1\nHost: x\n\nGET /b HTTP/1.1\r\nHost: x\r\n\r\n".utf8))
        #expect(try parser.next()?.target == "/a")
        #expect(try parser.next()?.target == "/b")
        #expect(try parser.next() == nil)
    }

    /// After a WebSocket upgrade the bytes behind the head are the client's first frame.
    @Test func theBytesAfterABareLFHeadAreKeptForTheUpgrade() throws {
        var parser = HTTPRequestParser()
        parser.append(Array("GET /ocpp/CP1 HTTP/1.1\nHost: x\n\n".utf8) + [0x81, 0x80])
        #expect(try parser.next()?.target == "/ocpp/CP1")
        #expect(parser.takeBufferedBytes() == [0x81, 0x80])
    }

    /// Also with lines ended by a bare LF, which RFC 9112 §2.2 lets a recipient take as a line
    /// terminator; before, such a request was never complete (the parser waited for CRLF CRLF)
    /// and the client got no answer at all.
    @Test(arguments: [
        "POST /api/inputs HTTP/1.1\r\nHost: x\r\nContent-Length: 11\r\n\r\n{\"a\":12345}",
        "POST /api/inputs HTTP/1.1\nHost: x\nContent-Length: 11\n\n{\"a\":12345}",
        "POST /api/inputs HTTP/1.1\r\nHost: x\nContent-Length: 11\r\n\n{\"a\":12345}",
        "POST /api/inputs HTTP/1.1\nHost: x\r\nContent-Length: 11\n\r\n{\"a\":12345}",
    ])
    func parsesARequestDeliveredOneByteAtATime(_ text: String) throws {
        var parser = HTTPRequestParser()
        let bytes = Array(text.utf8)
        for byte in bytes.dropLast() {
            parser.append([byte])
            #expect(try parser.next() == nil)
        }
        parser.append([bytes.last!])
        let request = try #require(try parser.next())
        #expect(request.method == "POST")
        #expect(request.target == "/api/inputs")
        #expect(request.headers["Host"] == "x")
        #expect(request.body == Array("{\"a\":12345}".utf8))
        #expect(parser.bufferedByteCount == 0)
    }

    @Test func parsesPipelinedRequestsInOrder() throws {
        var parser = HTTPRequestParser()
        parser.append(
            Array(("POST /a HTTP/1.1\r\nContent-Length: 3\r\n\r\nabcGET /b HTTP/1.1\r\n\r\nGET /c HTTP/1.1\r\n").utf8))
        #expect(try parser.next()?.body == Array("abc".utf8))
        #expect(try parser.next()?.path == "/b")
        #expect(try parser.next() == nil)
        parser.append(Array("Connection: close\r\n\r\n".utf8))
        let last = try #require(try parser.next())
        #expect(last.path == "/c")
        #expect(!last.keepAlive)
    }

    @Test func ignoresEmptyLinesBeforeARequest() throws {
        #expect(try parseOne("\r\n\r\nGET / HTTP/1.1\r\n\r\n")?.path == "/")
    }

    @Test func decodesQueryItemsKeepingRepeatsAndOrder() throws {
        let request = try #require(try parseOne("GET /q?key=A&key=B&x=%20y+z&flag&&e= HTTP/1.1\r\n\r\n"))
        #expect(
            request.queryItems == [
                HTTPQueryItem(name: "key", value: "A"), HTTPQueryItem(name: "key", value: "B"),
                HTTPQueryItem(name: "x", value: " y z"), HTTPQueryItem(name: "flag", value: ""),
                HTTPQueryItem(name: "e", value: ""),
            ])
    }

    @Test func splitsPathSegmentsBeforeDecodingThem() throws {
        #expect(try parseOne("GET /a/b%2Fc//d/ HTTP/1.1\r\n\r\n")?.pathSegments == ["a", "b/c", "", "d", ""])
        #expect(try parseOne("GET / HTTP/1.1\r\n\r\n")?.pathSegments == [])
        #expect(try parseOne("GET /a+b HTTP/1.1\r\n\r\n")?.pathSegments == ["a+b"])
    }

    @Test func acceptsAbsoluteFormTargets() throws {
        let request = try #require(try parseOne("GET http://example.com:9000/ocpp/CP1?x=1 HTTP/1.1\r\n\r\n"))
        #expect(request.path == "/ocpp/CP1")
        #expect(request.pathSegments == ["ocpp", "CP1"])
        #expect(request.queryValue("x") == "1")
    }

    @Test func decidesKeepAliveByVersionAndConnectionHeader() throws {
        #expect(try parseOne("GET / HTTP/1.0\r\n\r\n")?.keepAlive == false)
        #expect(try parseOne("GET / HTTP/1.0\r\nConnection: Keep-Alive\r\n\r\n")?.keepAlive == true)
        #expect(try parseOne("GET / HTTP/1.1\r\nConnection: upgrade, Close\r\n\r\n")?.keepAlive == false)
    }

    @Test func refusesAHeaderSectionOverTheLimitBeforeItEnds() {
        var parser = HTTPRequestParser()
        parser.append(Array(("GET / HTTP/1.1\r\nX: " + String(repeating: "a", count: 8200)).utf8))
        #expect(throws: HTTPParseError.headerSectionTooLarge(limit: 8192)) { try parser.next() }
    }

    @Test func refusesACompleteHeaderSectionOverTheLimit() throws {
        let parser = HTTPRequestParser(maxHeaderBytes: 32)
        #expect(throws: HTTPParseError.headerSectionTooLarge(limit: 32)) {
            try parseOne("GET / HTTP/1.1\r\nX-Long: 0123456789\r\n\r\n", parser: parser)
        }
        #expect(try parseOne("GET / HTTP/1.1\r\nX: 1\r\n\r\n", parser: parser)?.headers["x"] == "1")
    }

    @Test func refusesABodyOverTheLimitFromItsDeclaredLength() {
        #expect(throws: HTTPParseError.bodyTooLarge(declared: 2_097_152, limit: 1_048_576)) {
            try parseOne("POST / HTTP/1.1\r\nContent-Length: 2097152\r\n\r\n")
        }
        #expect(throws: HTTPParseError.bodyTooLarge(declared: 11, limit: 10)) {
            try parseOne("POST / HTTP/1.1\r\nContent-Length: 11\r\n\r\n", parser: HTTPRequestParser(maxBodyBytes: 10))
        }
    }

    @Test(arguments: [
        ("GET / HTTP/1.1\r\nHost: x\rY\r\n\r\n", "bare CR"),
        ("GET /HTTP/1.1\r\n\r\n", "request line is not METHOD SP TARGET SP VERSION"),
        ("GET  / HTTP/1.1\r\n\r\n", "invalid request target"),
        ("G(T / HTTP/1.1\r\n\r\n", "invalid method"),
        ("GET / http/1.1\r\n\r\n", "invalid HTTP version"),
        ("GET / HTTP/1.1 \r\n\r\n", "invalid HTTP version"),
        ("GET / HTTP/1.1\r\nHost : x\r\n\r\n", "invalid header name"),
        ("GET / HTTP/1.1\r\nHost: x\r\n folded\r\n\r\n", "obsolete line folding"),
        ("GET / HTTP/1.1\r\nNoColon\r\n\r\n", "header line without a colon"),
        ("GET / HTTP/1.1\r\nX: a\u{01}b\r\n\r\n", "control character in header X"),
        ("POST / HTTP/1.1\r\nContent-Length: 1x\r\n\r\n", "invalid Content-Length"),
        ("POST / HTTP/1.1\r\nContent-Length: -1\r\n\r\n", "invalid Content-Length"),
        ("POST / HTTP/1.1\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nab", "conflicting Content-Length values"),
        ("GET /a%zz HTTP/1.1\r\n\r\n", "invalid percent-encoding in path"),
        ("GET /a%C3 HTTP/1.1\r\n\r\n", "invalid percent-encoding in path"),
        ("GET /?a=%4 HTTP/1.1\r\n\r\n", "invalid percent-encoding in query"),
        ("GET ab HTTP/1.1\r\n\r\n", "invalid request target"),
    ])
    func refusesMalformedRequestsWith400(_ text: String, _ reason: String) {
        #expect(throws: HTTPParseError.malformed(reason)) { try parseOne(text) }
        #expect(HTTPParseError.malformed(reason).status == .badRequest)
    }

    @Test func acceptsRepeatedIdenticalContentLengths() throws {
        #expect(try parseOne("POST / HTTP/1.1\r\nContent-Length: 2\r\nContent-Length: 2\r\n\r\nab")?.body == [97, 98])
    }

    @Test func refusesOtherHTTPVersionsWith505() {
        #expect(throws: HTTPParseError.unsupportedVersion("HTTP/2.0")) { try parseOne("PRI * HTTP/2.0\r\n\r\n") }
        #expect(HTTPParseError.unsupportedVersion("HTTP/2.0").status.code == 505)
    }

    @Test func refusesTransferEncodingWith501() {
        #expect(throws: HTTPParseError.transferEncodingNotImplemented("chunked")) {
            try parseOne("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n")
        }
    }

    @Test func keepsFailingAfterAnError() {
        var parser = HTTPRequestParser()
        parser.append(Array("BAD\r\n\r\nGET / HTTP/1.1\r\n\r\n".utf8))
        #expect(throws: HTTPParseError.self) { try parser.next() }
        #expect(throws: HTTPParseError.self) { try parser.next() }
    }

    @Test func handsOverTheBytesThatFollowAnUpgradeRequest() throws {
        var parser = HTTPRequestParser()
        parser.append(Array("GET /CP1 HTTP/1.1\r\nUpgrade: websocket\r\n\r\n".utf8) + [0x81, 0x80])
        #expect(try parser.next()?.path == "/CP1")
        #expect(parser.takeBufferedBytes() == [0x81, 0x80])
        #expect(parser.bufferedByteCount == 0)
    }

    @Test func answersParseErrorsWithAClosingResponse() {
        let bytes = HTTPParseError.headerSectionTooLarge(limit: 8192).response.bytes()
        let expected =
            "HTTP/1.1 431 Request Header Fields Too Large\r\nContent-Type: text/plain; charset=utf-8\r\n"
            + "Connection: close\r\nContent-Length: 42\r\n\r\nrequest header section exceeds 8192 bytes\n"
        #expect(String(decoding: bytes, as: UTF8.self) == expected)
    }
}
