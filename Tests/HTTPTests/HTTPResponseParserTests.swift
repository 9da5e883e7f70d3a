import HTTP
import Testing

@Suite struct HTTPResponseParserTests {
    static func parseByteByByte(_ text: String, parser: HTTPResponseParser = HTTPResponseParser()) throws
        -> HTTPResponse?
    {
        var parser = parser
        for byte in Array(text.utf8) {
            parser.append([byte])
            if let response = try parser.next() { return response }
        }
        return nil
    }

    @Test func readsAContentLengthResponseArrivingByteByByte() throws {
        let response = try #require(
            try HTTPResponseParserTests.parseByteByByte("HTTP/1.1 200 OK\r\nContent-Length: 5\r\nX-A: b\r\n\r\nhello"))
        #expect(response.status == HTTPStatus(code: 200, reasonPhrase: "OK"))
        #expect(response.headers["x-a"] == "b")
        #expect(response.body == Array("hello".utf8))
    }

    @Test func decodesChunksWithExtensionsAndTrailers() throws {
        let text =
            "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n4;name=v\r\nWiki\r\nA\r\npedia in c\r\n0\r\nT: 1\r\n\r\n"
        let response = try #require(try HTTPResponseParserTests.parseByteByByte(text))
        #expect(String(decoding: response.body, as: UTF8.self) == "Wikipedia in c")
    }

    @Test func skipsAnInterimResponse() throws {
        let text = "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 201 Created\r\nContent-Length: 0\r\n\r\n"
        #expect(try HTTPResponseParserTests.parseByteByByte(text)?.status.code == 201)
    }

    @Test func aStatusLineWithoutReasonAndARepeatedLengthAreRead() throws {
        let response = try #require(
            try HTTPResponseParserTests.parseByteByByte("HTTP/1.1 503\r\nContent-Length: 2, 2\r\n\r\nno"))
        #expect(response.status == HTTPStatus(code: 503, reasonPhrase: ""))
        #expect(response.body == Array("no".utf8))
    }

    @Test func aNoContentResponseHasNoBody() throws {
        #expect(try HTTPResponseParserTests.parseByteByByte("HTTP/1.1 204 No Content\r\n\r\n")?.body == [])
    }

    @Test func aBodyWithoutFramingEndsAtTheEndOfStream() throws {
        var parser = HTTPResponseParser()
        parser.append(Array("HTTP/1.0 200 OK\r\n\r\n42".utf8))
        #expect(try parser.next() == nil)
        #expect(try parser.endOfStream().body == Array("42".utf8))
    }

    @Test func aResponseCutShortIsTruncated() {
        var parser = HTTPResponseParser()
        parser.append(Array("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\n42".utf8))
        #expect(throws: HTTPResponseParseError.truncated) { try parser.endOfStream() }
    }

    @Test(arguments: [
        ("HTTP/1.1 200 OK\r\nContent-Length: 11\r\n\r\n", HTTPResponseParseError.bodyTooLarge(limit: 10)),
        ("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nb\r\n", .bodyTooLarge(limit: 10)),
        ("HTTP/1.1 200 OK\r\n\r\n12345678901", .bodyTooLarge(limit: 10)),
        ("SIP/2.0 200 OK\r\n\r\n", .malformed("not an HTTP/1.x status line")),
        ("HTTP/1.1 2000 OK\r\n\r\n", .malformed("invalid status code")),
        ("HTTP/1.1  200 OK\r\n\r\n", .malformed("invalid status code")),
        ("HTTP/1.1 2x0 OK\r\n\r\n", .malformed("invalid status code")),
        ("HTTP/1.10 200 OK\r\n\r\n", .malformed("not an HTTP/1.x status line")),
        ("HTTP/1.1\r\n\r\n", .malformed("not an HTTP/1.x status line")),
        ("HTTP/1.1 200 OK\r\nContent-Length: 1, 2\r\n\r\n", .malformed("invalid Content-Length")),
        ("HTTP/1.1 200 OK\r\nContent-Length: -1\r\n\r\n", .malformed("invalid Content-Length")),
        ("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n", .malformed("invalid chunk size")),
        (
            "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n1\r\nab\r\n",
            .malformed("chunk data longer than its size")
        ),
    ])
    func refusesWhatCannotBeRead(text: String, error: HTTPResponseParseError) {
        var parser = HTTPResponseParser(maxBodyBytes: 10)
        parser.append(Array(text.utf8))
        #expect(throws: error) { try parser.next() }
    }

    @Test func capsTheHeaderSection() {
        var parser = HTTPResponseParser(maxHeaderBytes: 64)
        parser.append(Array(("HTTP/1.1 200 OK\r\nX: " + String(repeating: "a", count: 100)).utf8))
        #expect(throws: HTTPResponseParseError.headerSectionTooLarge(limit: 64)) { try parser.next() }
    }

    /// Whether the connection may carry the next request (RFC 9112 §9.3), per answer.
    @Test(arguments: [
        ("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok", true),
        ("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nok\r\n0\r\n\r\n", true),
        ("HTTP/1.1 204 No Content\r\n\r\n", true),
        ("HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 2\r\n\r\nok", false),
        ("HTTP/1.1 200 OK\r\nConnection: Keep-Alive, Close\r\nContent-Length: 2\r\n\r\nok", false),
        ("HTTP/1.0 200 OK\r\nContent-Length: 2\r\n\r\nok", false),
        ("HTTP/1.0 200 OK\r\nConnection: keep-alive\r\nContent-Length: 2\r\n\r\nok", true),
        ("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nokEXTRA", false),
    ])
    func saysWhetherTheConnectionMayCarryTheNextRequest(text: String, reusable: Bool) throws {
        var parser = HTTPResponseParser()
        parser.append(Array(text.utf8))
        #expect(try parser.next() != nil)
        #expect(parser.connectionReusable == reusable)
    }

    @Test func aBodyReadUntilTheCloseEndsTheConnection() throws {
        var parser = HTTPResponseParser()
        parser.append(Array("HTTP/1.1 200 OK\r\n\r\n1234.5".utf8))
        #expect(try parser.next() == nil)
        #expect(String(decoding: try parser.endOfStream().body, as: UTF8.self) == "1234.5")
        #expect(!parser.connectionReusable)
    }
}
