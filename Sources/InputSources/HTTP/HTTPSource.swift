import Foundation
import HTTP
import HTTPClient
import JSON
import Transport

/// `type: "http"`: GET the URL every interval and read each input from the answer, on a
/// connection kept open between reads (docs/sources.md, "http").
public struct HTTPSource: PolledSource {
    public let name: String
    public let type = "http"
    public let configuration: HTTPSourceConfiguration
    private let connection: HTTPPersistentConnection
    /// The request's bytes, built once (or why it cannot be sent, said at every poll).
    private let request: Result<HTTPPreparedRequest, HTTPClientError>

    /// The largest answer read: a meter's status page is a few kilobytes.
    public static let maximumResponseBytes = 1024 * 1024

    public init(name: String, configuration: HTTPSourceConfiguration, client: HTTPClient) {
        self.name = name
        self.configuration = configuration
        let connection = client.persistentConnection(to: configuration.url)
        self.connection = connection
        request = Result { () throws(HTTPClientError) in
            try connection.prepare(
                HTTPClientRequest(
                    url: configuration.url, headers: HTTPHeaders(configuration.headers.map { ($0.name, $0.value) }),
                    timeout: configuration.timeout, maximumResponseBytes: HTTPSource.maximumResponseBytes))
        }
    }

    public var interval: Double { configuration.interval }
    public var loop: EventLoop { connection.loop }
    public var inputNames: [String] { configuration.inputs.keys.sorted() }

    public func poll() async throws(SourceError) -> [String: Double] {
        let response: HTTPResponse
        do {
            response = try await connection.send(request.get())
        } catch {
            throw SourceError(error.description)
        }
        guard (200...299).contains(response.status.code) else {
            throw SourceError("HTTP \(response.status.code) \(response.status.reasonPhrase)")
        }
        return try HTTPSource.values(of: response.body, inputs: configuration.inputs)
    }

    /// Each input's value from a response body (scaled); throws the first that cannot be read.
    public static func values(of body: [UInt8], inputs: [String: HTTPInputSpec]) throws(SourceError) -> [String: Double]
    {
        var document: JSONValue?
        var values: [String: Double] = [:]
        for (input, spec) in inputs.sorted(by: { $0.key < $1.key }) {
            let value: Double
            if let path = spec.path {
                if document == nil {
                    do {
                        document = try JSONParser.parse(body)
                    } catch {
                        throw SourceError("the answer is not JSON: \(error.message)")
                    }
                }
                value = try path.number(in: document!)
            } else {
                let text = String(decoding: body.prefix(64), as: UTF8.self)
                // The whole body: a bare number, or a JSON string holding one.
                let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
                let unquoted =
                    trimmed.count >= 2 && trimmed.hasPrefix("\"") && trimmed.hasSuffix("\"")
                    ? String(trimmed.dropFirst().dropLast()) : trimmed
                guard body.count <= 64, let number = NumberRange.decimal(unquoted) else {
                    throw SourceError("the answer is not a number (no path given for \(input))")
                }
                value = number
            }
            values[input] = value * spec.scale
        }
        return values
    }
}
