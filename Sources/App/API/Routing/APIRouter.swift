import HTTP

/// Finds the route for a request, checks the bearer token, and turns errors into JSON responses:
/// 401 without the token, 404 for an unknown path, 405 (with `Allow`) for a known path and
/// another method.
public struct APIRouter: Sendable {
    public let routes: [APIRoute]
    /// When set, every request must carry `Authorization: Bearer <token>`.
    public let token: String?

    public init(routes: [APIRoute], token: String?) {
        self.routes = routes
        self.token = token
    }

    public func respond(to request: HTTPRequest) async -> HTTPResponse {
        if let problem = APIRouter.hostProblem(request) {
            return APIError(status: .badRequest, message: problem).response
        }
        if let token, !APIRouter.isAuthorized(request.headers["Authorization"], token: token) {
            var response = APIError(status: .unauthorized, message: "missing or wrong bearer token").response
            response.headers.add(name: "WWW-Authenticate", value: "Bearer realm=\"ampwise\"")
            return response
        }
        var segments = request.pathSegments
        // `/api/chargers/` is `/api/chargers`.
        if segments.last == "" { segments.removeLast() }
        // HEAD is GET without the body (the connection handler drops it).
        let method = request.method == "HEAD" ? "GET" : request.method
        var allowed: [String] = []
        for route in routes {
            guard let parameters = route.match(segments) else { continue }
            guard route.method == method else {
                if !allowed.contains(route.method) { allowed.append(route.method) }
                continue
            }
            do {
                return try await route.handler(APIRequest(http: request, parameters: parameters))
            } catch {
                return error.response
            }
        }
        if !allowed.isEmpty {
            var response = APIError(
                status: .methodNotAllowed, message: "\(request.method) is not allowed on \(request.path)"
            ).response
            response.headers.add(name: "Allow", value: allowed.joined(separator: ", "))
            return response
        }
        return APIError(status: .notFound, message: "no such endpoint: \(request.method) \(request.path)").response
    }

    /// RFC 9112 §3.2: a server must answer 400 to an HTTP/1.1 request without a Host header, and to
    /// any request with more than one or with one that is not a host (and optional port).
    static func hostProblem(_ request: HTTPRequest) -> String? {
        let hosts = request.headers.values(for: "Host")
        if hosts.isEmpty {
            return request.version == .http11 ? "Host: an HTTP/1.1 request needs a Host header" : nil
        }
        guard hosts.count == 1 else { return "Host: the request has \(hosts.count) Host headers; one is allowed" }
        let forbidden = Set(" \t,/?#@\\".utf8)
        guard !hosts[0].utf8.contains(where: forbidden.contains) else {
            return "Host: expected a host name and an optional port"
        }
        return nil
    }

    /// `Authorization: Bearer TOKEN`, the scheme in any case (RFC 7235 §2.1: schemes are
    /// case-insensitive) and separated by one or more spaces. The token is compared in time
    /// independent of where it differs, so that response timing does not reveal how much of a
    /// guessed token was right.
    static func isAuthorized(_ header: String?, token: String) -> Bool {
        let given = Array((header ?? "").utf8)
        let scheme = given.prefix { $0 != UInt8(ascii: " ") }
        let credentials = given.dropFirst(scheme.count).drop { $0 == UInt8(ascii: " ") }
        let expected = Array(token.utf8)
        var difference = UInt8(
            String(decoding: scheme, as: UTF8.self).lowercased() == "bearer" && credentials.count == expected.count
                ? 0 : 1)
        for (index, byte) in expected.enumerated() {
            let offset = credentials.startIndex + index
            difference |= byte ^ (offset < credentials.endIndex ? credentials[offset] : 0)
        }
        return difference == 0
    }
}
