import HTTP

/// An HTTP response as the test client read it.
public struct TestHTTPResponse: Sendable, Equatable {
    public var statusCode: Int
    public var reasonPhrase: String
    public var headers: HTTPHeaders
    public var body: [UInt8]

    public init(statusCode: Int, reasonPhrase: String, headers: HTTPHeaders, body: [UInt8]) {
        self.statusCode = statusCode
        self.reasonPhrase = reasonPhrase
        self.headers = headers
        self.body = body
    }

    /// The body decoded as UTF-8.
    public var bodyText: String { String(decoding: body, as: UTF8.self) }
}
