import Chronology
import Foundation
import HTTP
import JSON

/// An HTTP request as a route sees it: path parameters, query and a JSON body on demand.
public struct APIRequest: Sendable {
    public let http: HTTPRequest
    public let parameters: [String: String]

    public init(http: HTTPRequest, parameters: [String: String]) {
        self.http = http
        self.parameters = parameters
    }

    /// A `{name}` segment of the route's path.
    func parameter(_ name: String) -> String { parameters[name] ?? "" }

    func query(_ name: String) -> String? { http.queryValue(name) }

    func queryValues(_ name: String) -> [String] { http.queryValues(name) }

    /// The body as the fields of a JSON object; a missing or malformed body is a 400 that says why.
    /// With `allowingEmpty`, an empty body reads as `{}` (for commands whose fields all have
    /// defaults).
    func fields(allowingEmpty: Bool = false) throws(APIError) -> RequestFields {
        if allowingEmpty && http.body.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
            return RequestFields(object: JSONObject())
        }
        let value = try jsonValue()
        guard let object = value.objectValue else {
            throw .badRequest("expected a JSON object in the request body, got \(value.typeDescription)")
        }
        return RequestFields(object: object)
    }

    /// The body as any JSON value.
    func jsonValue() throws(APIError) -> JSONValue {
        guard !http.body.isEmpty else { throw .badRequest("expected a JSON request body") }
        do {
            return try JSONParser.parse(http.body)
        } catch {
            throw .badRequest("invalid JSON in the request body: \(error.description)")
        }
    }

    /// `?since=ISO8601`, validated.
    func since() throws(APIError) -> Date? {
        guard let text = query("since") else { return nil }
        guard let date = RFC3339.parse(text) else {
            throw .badRequest("since: expected an ISO 8601 date-time such as 2026-11-25T00:00:00Z")
        }
        return date
    }

    /// `?limit=N` (1...1000, default 100): how many records a list answers with.
    func limit() throws(APIError) -> Int {
        guard let text = query("limit") else { return 100 }
        guard let value = Int(text), value >= 1, value <= 1000 else {
            throw .badRequest("limit: expected an integer from 1 to 1000")
        }
        return value
    }

    /// An optional integer query item (`?connector=1`) in `range`.
    func queryInteger(_ name: String, in range: NumberRange) throws(APIError) -> Int? {
        guard let text = query(name) else { return nil }
        guard let value = range.integer(parsing: text) else { throw .badRequest("\(name): expected \(range)") }
        return value
    }
}
