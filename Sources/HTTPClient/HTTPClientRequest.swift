import HTTP

/// One request for `HTTPClient.send`: method, URL, headers, body and its limits.
public struct HTTPClientRequest: Sendable {
    public var method: String
    public var url: HTTPURL
    /// Sent after `Host`, `User-Agent`, `Accept` and `Connection` (`close`, or `keep-alive` on an
    /// `HTTPPersistentConnection`); a field named here replaces the default of the same name.
    public var headers: HTTPHeaders
    public var body: [UInt8]
    /// Seconds for everything: name resolution, connect, TLS, sending, the whole response.
    public var timeout: Double
    /// The largest response body accepted; a larger one fails the request.
    public var maximumResponseBytes: Int

    public init(
        method: String = "GET", url: HTTPURL, headers: HTTPHeaders = HTTPHeaders(), body: [UInt8] = [],
        timeout: Double = 10, maximumResponseBytes: Int = 1024 * 1024
    ) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
        self.timeout = timeout
        self.maximumResponseBytes = maximumResponseBytes
    }

    /// A header name a request may carry: an HTTP token (RFC 9110 §5.6.2).
    public static func isValidHeaderName(_ name: String) -> Bool {
        !name.isEmpty
            && name.utf8.allSatisfy { byte in
                byte > 0x20 && byte < 0x7F && !"\"(),/:;<=>?@[\\]{}".utf8.contains(byte)
            }
    }

    /// A header value a request may carry: no line break or other control character but tab.
    public static func isValidHeaderValue(_ value: String) -> Bool {
        value.utf8.allSatisfy { $0 == 0x09 || ($0 >= 0x20 && $0 != 0x7F) }
    }

    /// The request as it goes on the wire, or the header that cannot be sent. `keepAlive`: the
    /// connection is to carry more requests after this one.
    func bytes(userAgent: String, keepAlive: Bool = false) throws(HTTPClientError) -> [UInt8] {
        guard HTTPClientRequest.isValidHeaderName(method) else { throw .invalidHeader(name: "method \(method)") }
        var fields: [(String, String)] = [
            ("Host", url.hostHeader), ("User-Agent", userAgent), ("Accept", "*/*"),
            ("Connection", keepAlive ? "keep-alive" : "close"),
        ]
        if !body.isEmpty || method == "POST" || method == "PUT" {
            fields.append(("Content-Length", String(body.count)))
        }
        for field in headers {
            guard HTTPClientRequest.isValidHeaderName(field.name) else { throw .invalidHeader(name: field.name) }
            guard HTTPClientRequest.isValidHeaderValue(field.value) else { throw .invalidHeader(name: field.name) }
            fields.removeAll { $0.0.lowercased() == field.name.lowercased() }
        }
        var output = Array("\(method) \(url.target) HTTP/1.1\r\n".utf8)
        for (name, value) in fields + headers.map({ ($0.name, $0.value) }) {
            output.append(contentsOf: "\(name): \(value)\r\n".utf8)
        }
        output.append(contentsOf: "\r\n".utf8)
        output.append(contentsOf: body)
        return output
    }
}
