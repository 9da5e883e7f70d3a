/// A parsed HTTP/1.x request: the request line, the header fields and the whole body.
public struct HTTPRequest: Sendable, Equatable {
    /// The method token exactly as sent (methods are case-sensitive: `GET`, `POST`, ...).
    public var method: String
    /// The request target exactly as sent (`/ocpp/CP%201?x=1`).
    public var target: String
    /// The path of the target, still percent-encoded, without the query (`/ocpp/CP%201`).
    public var path: String
    /// The percent-decoded segments between the slashes of `path`, empty segments included
    /// (`/a//b/` gives `["a", "", "b", ""]`; `/` gives `[]`).
    public var pathSegments: [String]
    /// The query items in order, percent-decoded (`+` is a space); repeated names are kept.
    public var queryItems: [HTTPQueryItem]
    /// HTTP/1.0 or HTTP/1.1 (the parser refuses others).
    public var version: HTTPVersion
    /// The header fields in order; lookups ignore case.
    public var headers: HTTPHeaders
    /// The body, `Content-Length` bytes (empty without one).
    public var body: [UInt8]
    /// Whether the connection stays open after the response: HTTP/1.1 unless `Connection: close`,
    /// HTTP/1.0 only with `Connection: keep-alive`.
    public var keepAlive: Bool

    public init(
        method: String, target: String, path: String, pathSegments: [String], queryItems: [HTTPQueryItem],
        version: HTTPVersion, headers: HTTPHeaders, body: [UInt8], keepAlive: Bool
    ) {
        self.method = method
        self.target = target
        self.path = path
        self.pathSegments = pathSegments
        self.queryItems = queryItems
        self.version = version
        self.headers = headers
        self.body = body
        self.keepAlive = keepAlive
    }

    /// The value of the first query item named `name`.
    public func queryValue(_ name: String) -> String? {
        queryItems.first { $0.name == name }?.value
    }

    /// The values of every query item named `name`, in order (`?key=A&key=B` gives `["A", "B"]`).
    public func queryValues(_ name: String) -> [String] {
        queryItems.filter { $0.name == name }.map(\.value)
    }
}
