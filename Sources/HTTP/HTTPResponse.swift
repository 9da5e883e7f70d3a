import JSON

/// An HTTP/1.1 response: status, header fields and body, serialised with `bytes()`.
public struct HTTPResponse: Sendable, Equatable {
    public var status: HTTPStatus
    public var headers: HTTPHeaders
    public var body: [UInt8]

    /// A response; `bytes()` adds `Content-Length`.
    public init(status: HTTPStatus, headers: HTTPHeaders = HTTPHeaders(), body: [UInt8] = []) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// A response whose body is `value` written as compact JSON, `Content-Type: application/json; charset=utf-8`.
    public static func json(_ value: JSONValue, status: HTTPStatus = .ok) -> HTTPResponse {
        json(bytes: JSONWriter.bytes(value), status: status)
    }

    /// A response whose body is already-encoded JSON.
    public static func json(bytes: [UInt8], status: HTTPStatus = .ok) -> HTTPResponse {
        HTTPResponse(
            status: status, headers: HTTPHeaders([("Content-Type", "application/json; charset=utf-8")]), body: bytes)
    }

    /// The API's error shape, `{"error":"message"}` (docs/api.md).
    public static func jsonError(_ message: String, status: HTTPStatus) -> HTTPResponse {
        json(["error": .string(message)], status: status)
    }

    /// A response whose body is `text`, `Content-Type: text/plain; charset=utf-8`.
    public static func text(_ text: String, status: HTTPStatus = .ok) -> HTTPResponse {
        HTTPResponse(
            status: status, headers: HTTPHeaders([("Content-Type", "text/plain; charset=utf-8")]),
            body: Array(text.utf8))
    }

    /// The response as it goes on the wire. `Content-Length` is added from the body unless the headers
    /// already carry one or the status forbids a body (1xx, 204, 304).
    public func bytes() -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(128 + headers.count * 32 + body.count)
        output.append(contentsOf: "HTTP/1.1 \(status.code) \(status.reasonPhrase)\r\n".utf8)
        for field in headers {
            output.append(contentsOf: field.name.utf8)
            output.append(contentsOf: ": ".utf8)
            output.append(contentsOf: field.value.utf8)
            output.append(contentsOf: "\r\n".utf8)
        }
        let bodyForbidden = status.code < 200 || status.code == 204 || status.code == 304
        if !bodyForbidden && !headers.contains(name: "Content-Length") {
            output.append(contentsOf: "Content-Length: \(body.count)\r\n".utf8)
        }
        output.append(contentsOf: "\r\n".utf8)
        if !bodyForbidden { output.append(contentsOf: body) }
        return output
    }
}
