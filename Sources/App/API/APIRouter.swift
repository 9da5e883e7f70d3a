import Central

/// Finds the route for a request, checks the bearer token, and turns errors into JSON responses.
struct APIRouter: Sendable {
    let routes: [APIRoute]
    let token: String?

    func respond(to request: HTTPRequest) async -> HTTPResponse {
        if let token, request.headers["Authorization"] != "Bearer \(token)" {
            var response = APIError(status: .unauthorized, message: "missing or wrong bearer token").response
            response.headers.replaceOrAdd(name: "WWW-Authenticate", value: "Bearer")
            return response
        }
        let segments = request.pathSegments
        var allowed: [String] = []
        for route in routes {
            guard let parameters = route.match(segments) else { continue }
            guard route.method == request.method else {
                allowed.append(route.method)
                continue
            }
            do {
                return try await route.handler(APIRequest(http: request, parameters: parameters))
            } catch {
                return error.response
            }
        }
        if !allowed.isEmpty {
            var response = APIError(status: .methodNotAllowed, message: "\(request.method) is not allowed here").response
            response.headers.replaceOrAdd(name: "Allow", value: allowed.joined(separator: ", "))
            return response
        }
        return APIError.notFound("no such endpoint: \(request.method) \(request.path)").response
    }
}
