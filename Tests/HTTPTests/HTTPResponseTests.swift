import HTTP
import Testing

@testable import HTTP

@Suite struct HTTPResponseTests {
    @Test func serialisesAJSONBodyWithItsLength() {
        let response = HTTPResponse.json(["status": "ok"])
        #expect(
            String(decoding: response.bytes(), as: UTF8.self)
                == "HTTP/1.1 200 OK\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: 15\r\n\r\n"
                + #"{"status":"ok"}"#)
    }

    @Test func writesTheAPIErrorShape() {
        let response = HTTPResponse.jsonError("charger \"x\" not connected", status: .conflict)
        #expect(response.status.code == 409)
        #expect(response.headers["content-type"] == "application/json; charset=utf-8")
        #expect(String(decoding: response.body, as: UTF8.self) == #"{"error":"charger \"x\" not connected"}"#)
    }

    @Test func serialisesPlainText() {
        let response = HTTPResponse.text("é", status: .notFound)
        #expect(
            response.bytes()
                == Array("HTTP/1.1 404 Not Found\r\nContent-Type: text/plain; charset=utf-8\r\n".utf8)
                + Array("Content-Length: 2\r\n\r\n".utf8) + [0xC3, 0xA9])
    }

    @Test func omitsTheBodyAndLengthWhereTheStatusForbidsThem() {
        #expect(
            HTTPResponse(status: .noContent, body: [1]).bytes() == Array("HTTP/1.1 204 No Content\r\n\r\n".utf8))
        #expect(
            HTTPResponse(status: .switchingProtocols, headers: HTTPHeaders([("Upgrade", "websocket")])).bytes()
                == Array("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n\r\n".utf8))
    }

    @Test func keepsAnExplicitContentLength() {
        let response = HTTPResponse(status: .ok, headers: HTTPHeaders([("content-length", "0")]))
        #expect(response.bytes() == Array("HTTP/1.1 200 OK\r\ncontent-length: 0\r\n\r\n".utf8))
    }

    @Test func findsListTokensCaseInsensitivelyAcrossFieldLines() {
        let headers = HTTPHeaders([("Connection", "keep-alive, Upgrade"), ("connection", " , te ")])
        #expect(headers.listElements(for: "CONNECTION") == ["keep-alive", "Upgrade", "te"])
        #expect(headers.containsToken("upgrade", in: "Connection"))
        #expect(!headers.containsToken("close", in: "Connection"))
    }

    @Test func replacesEveryFieldOfANameWithOne() {
        var headers = HTTPHeaders([("A", "1"), ("B", "2"), ("a", "3")])
        headers.replaceOrAdd(name: "a", value: "9")
        #expect(headers.fields == [.init(name: "A", value: "9"), .init(name: "B", value: "2")])
        headers.remove(name: "b")
        headers.replaceOrAdd(name: "C", value: "1")
        #expect(headers.fields == [.init(name: "A", value: "9"), .init(name: "C", value: "1")])
    }
}
