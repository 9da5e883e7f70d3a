import HTTP
import JSON

/// An API failure: the status and the `{"error": "..."}` body docs/api.md promises, with any extra
/// members (`code` of a charger's CALLERROR, `errors` of a rules reload).
public struct APIError: Error, Sendable, Equatable {
    public let status: HTTPStatus
    public let message: String
    /// Members added after `error` in the body.
    public let details: JSONObject

    public init(status: HTTPStatus, message: String, details: JSONObject = JSONObject()) {
        self.status = status
        self.message = message
        self.details = details
    }

    /// 400: the message names the field (`connector: expected a positive integer`).
    static func badRequest(_ message: String) -> APIError { APIError(status: .badRequest, message: message) }

    /// 404 for a charger Ampwise has never seen.
    static func unknownCharger(_ chargerId: String) -> APIError {
        APIError(status: .notFound, message: "unknown charger \"\(chargerId)\"")
    }

    /// 409: the request needs a connection the charger does not have.
    static func notConnected(_ chargerId: String) -> APIError {
        APIError(status: .conflict, message: "charger \"\(chargerId)\" is not connected")
    }

    /// `{"error": message, ...details}` with `status`.
    public var response: HTTPResponse {
        var body = JSONObject([("error", .string(message))])
        for (key, value) in details { body[key] = value }
        return HTTPResponse.json(.object(body), status: status)
    }
}
