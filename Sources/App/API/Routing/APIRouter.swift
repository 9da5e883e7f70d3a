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

    /// Compares the whole header in time independent of where it differs, so that response
    /// timing does not reveal how much of a guessed token was right.
    static func isAuthorized(_ header: String?, token: String) -> Bool {
        let expected = Array("Bearer \(token)".utf8)
        let given = Array((header ?? "").utf8)
        var difference = UInt8(expected.count == given.count ? 0 : 1)
        for index in expected.indices {
            difference |= expected[index] ^ (index < given.count ? given[index] : 0)
        }
        return difference == 0
    }
}
