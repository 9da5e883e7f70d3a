import Central
import Foundation

/// An HTTP request as a route sees it: path parameters, query and a JSON body on demand.
struct APIRequest: Sendable {
    let http: HTTPRequest
    let parameters: [String: String]

    func parameter(_ name: String) -> String { parameters[name] ?? "" }

    func query(_ name: String) -> String? { http.queryValue(name) }

    func queryValues(_ name: String) -> [String] { http.queryValues(name) }

    /// The body as a JSON object; a missing or malformed body is a 400 that says why.
    func jsonObject() throws(APIError) -> JSONObject {
        guard !http.body.isEmpty else { throw .badRequest("expected a JSON object in the request body") }
        let value: JSONValue
        do {
            value = try JSONParser.parse(http.body)
        } catch {
            throw .badRequest("invalid JSON: \(error.description)")
        }
        guard let object = value.objectValue else { throw .badRequest("expected a JSON object, got \(value.typeDescription)") }
        return object
    }

    func jsonValue() throws(APIError) -> JSONValue {
        do {
            return try JSONParser.parse(http.body)
        } catch {
            throw .badRequest("invalid JSON: \(error.description)")
        }
    }

    /// `?since=ISO8601`, validated.
    func since() throws(APIError) -> Date? {
        guard let text = query("since") else { return nil }
        guard let date = OCPPDateTime.parse(text) else {
            throw .badRequest("since: expected an ISO 8601 date-time such as 2026-11-25T00:00:00Z")
        }
        return date
    }
}
