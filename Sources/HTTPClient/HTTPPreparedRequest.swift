import HTTP

/// A request turned into its bytes once, for a caller that sends the same request again and again
/// (a source that asks its meter every second: BENCHMARKS.md, "Sources"). Made by
/// `HTTPPersistentConnection.prepare(_:)` and sent by its `send(_:)`.
public struct HTTPPreparedRequest: Sendable {
    /// The request as it goes on the wire.
    let bytes: [UInt8]
    let timeout: Double
    let maximumResponseBytes: Int
    let isResponseToHEAD: Bool
    /// May be sent again on a new connection when a kept-alive one closed before answering.
    let isIdempotent: Bool
}
