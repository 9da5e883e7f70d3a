import HTTP

/// One endpoint: a method and a path pattern whose `{name}` segments become parameters.
public struct APIRoute: Sendable {
    public typealias Handler = @Sendable (APIRequest) async throws(APIError) -> HTTPResponse

    public let method: String
    public let pattern: [String]
    public let handler: Handler

    /// `APIRoute("GET", "/api/chargers/{id}") { request in ... }`
    public init(_ method: String, _ path: String, _ handler: @escaping Handler) {
        self.method = method
        self.pattern = path.split(separator: "/").map(String.init)
        self.handler = handler
    }

    /// The path parameters when `segments` match this route's pattern.
    func match(_ segments: [String]) -> [String: String]? {
        guard segments.count == pattern.count else { return nil }
        var parameters: [String: String] = [:]
        for (expected, actual) in zip(pattern, segments) {
            if expected.hasPrefix("{") && expected.hasSuffix("}") {
                guard !actual.isEmpty else { return nil }
                parameters[String(expected.dropFirst().dropLast())] = actual
            } else if expected != actual {
                return nil
            }
        }
        return parameters
    }
}
