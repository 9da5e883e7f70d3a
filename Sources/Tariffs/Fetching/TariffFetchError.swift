/// Why a fetch of prices failed: the one-line reason `GET /api/tariff/provider` and the log show
/// (`HTTP 401 Unauthorized`, `data[3].marketprice: expected a number`).
public struct TariffFetchError: Error, Sendable, Equatable, CustomStringConvertible {
    public let message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}
