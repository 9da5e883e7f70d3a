import Foundation

/// What `GET /api/sources` shows of one source.
public struct SourceStatus: Sendable, Equatable {
    public var name: String
    public var type: String
    public var state: SourceState = .starting
    /// The last value read for each input (after `scale`), by input name.
    public var lastValues: [String: Double] = [:]
    public var lastSuccess: Date?
    public var lastError: String?
    public var lastErrorAt: Date?
    /// Reads that succeeded and that failed since start-up (`ampwise_source_reads_total`).
    public var successCount = 0
    public var failureCount = 0
    /// Failed reads since the last success: the length of the outage in polls.
    public var consecutiveFailures = 0

    public init(name: String, type: String) {
        self.name = name
        self.type = type
    }
}
