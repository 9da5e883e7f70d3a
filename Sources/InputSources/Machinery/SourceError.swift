/// Why a source could not read: the one-line reason `GET /api/sources` and the log show
/// (`connecting to 10.0.0.8:502 timed out`, `HTTP 401 Unauthorized`, `Body.Data.Site.P_PV is null`).
public struct SourceError: Error, Sendable, Equatable, CustomStringConvertible {
    public let message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}
