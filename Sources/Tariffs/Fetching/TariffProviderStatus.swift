import Foundation

/// What `GET /api/tariff/provider` shows.
public struct TariffProviderStatus: Sendable, Equatable {
    public var type: String
    public var state: TariffProviderState = .starting
    /// When the last fetch ended, whatever its outcome.
    public var lastFetch: Date?
    public var lastSuccess: Date?
    public var lastError: String?
    /// The end of the last slot known.
    public var knownUntil: Date?
    /// Failed fetches since the last success.
    public var consecutiveFailures = 0
    /// When the next fetch is due.
    public var nextFetch: Date?

    public init(type: String) {
        self.type = type
    }
}
