import Foundation

/// A snapshot of a session for other threads: who is connected, how, and how fast it answers.
public struct ChargePointSessionInfo: Sendable, Equatable {
    public var chargerId: String
    public var subprotocol: String?
    public var remoteAddress: String
    public var connectedAt: Date
    public var latencyMilliseconds: Double?
}
