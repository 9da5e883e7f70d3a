import HTTP

/// Finds the route for a request, checks the bearer token, and turns errors into JSON responses:
/// 401 without the token, 404 for an unknown path, 405 (with `Allow`) for a known path and
/// another method.
public struct APIRouter: Sendable {
    public let routes: [APIRoute]
    /// Served without the token: the dashboard's page and assets (docs/dashboard.md), which ask for
    /// it themselves.
    public let publicRoutes: [APIRoute]
    /// When set, every request must carry `Authorization: Bearer <token>`.
    public let token: String?
    /// `GET /api/events`, when the server streams events.
    public let eventStream: EventStreamSource?

    /// The path of the event stream (docs/api.md).
    static let eventStreamPath = "/api/events"

    public init(
        routes: [APIRoute], token: String?, publicRoutes: [APIRoute] = [], eventStream: EventStreamSource? = nil
    ) {
        self.routes = routes
        self.token = token
        self.publicRoutes = publicRoutes
        self.eventStream = eventStream
    }

    /// `nil` unless `request` asks for the event stream; then whether it may have it. A browser's
    /// `EventSource` cannot send headers, so the stream also takes the token as `?token=`.
    func eventStreamAdmission(_ request: HTTPRequest) -> EventStreamAdmission? {
        guard let eventStream, request.path == Self.eventStreamPath, request.method == "GET" else { return nil }
        if let problem = APIRouter.hostProblem(request) {
            return .refused(APIError(status: .badRequest, message: problem).response)
        }
        if let token, !APIRouter.isAuthorized(request.headers["Authorization"], token: token),
            !APIRouter.isAuthorized(request.queryValue("token").map { "Bearer \($0)" }, token: token)
        {
            return .refused(APIRouter.unauthorized)
        }
        return .accepted(
            eventStream, lastEventId: request.headers["Last-Event-ID"] ?? request.queryValue("lastEventId"))
    }

    /// The request target as the log shows it: a `token` query value is never written.
    static func loggable(_ target: String) -> String {
        guard let query = target.firstIndex(of: "?"), target[query...].contains("token=") else { return target }
        let items = target[target.index(after: query)...].split(separator: "&", omittingEmptySubsequences: false)
        let redacted = items.map { $0.hasPrefix("token=") ? "token=(hidden)" : String($0) }
        return target[..<query] + "?" + redacted.joined(separator: "&")
    }

    static var unauthorized: HTTPResponse {
        var response = APIError(status: .unauthorized, message: "missing or wrong bearer token").response
        response.headers.add(name: "WWW-Authenticate", value: "Bearer realm=\"ampwise\"")
        return response
    }

    public func respond(to request: HTTPRequest) async -> HTTPResponse {
        if let problem = APIRouter.hostProblem(request) {
            return APIError(status: .badRequest, message: problem).response
        }
        var segments = request.pathSegments
        // `/api/chargers/` is `/api/chargers`.
        if segments.last == "" { segments.removeLast() }
        // HEAD is GET without the body (the connection handler drops it).
        let method = request.method == "HEAD" ? "GET" : request.method
        for route in publicRoutes where route.method == method {
            guard let parameters = route.match(segments) else { continue }
            do {
                return try await route.handler(APIRequest(http: request, parameters: parameters))
            } catch {
                return error.response
            }
        }
        if let token, !APIRouter.isAuthorized(request.headers["Authorization"], token: token) {
            return APIRouter.unauthorized
        }
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
