import Central

/// An API failure: the status and the `{"error": "..."}` body SPEC §6 promises.
struct APIError: Error, Sendable {
    let status: HTTPStatus
    let message: String

    init(status: HTTPStatus, message: String) {
        self.status = status
        self.message = message
    }

    static func badRequest(_ message: String) -> APIError { APIError(status: .badRequest, message: message) }
    static func notFound(_ message: String) -> APIError { APIError(status: .notFound, message: message) }

    var response: HTTPResponse {
        HTTPResponse.jsonError(message, status: status)
    }
}
