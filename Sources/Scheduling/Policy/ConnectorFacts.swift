import ChargingModel

/// What the central system knows about a connector right now.
public struct ConnectorFacts: Sendable, Hashable {
    public var connectorId: Int
    public var status: ConnectorStatus
    /// The open transaction, if any.
    public var transactionId: Int?

    public init(connectorId: Int, status: ConnectorStatus, transactionId: Int? = nil) {
        self.connectorId = connectorId
        self.status = status
        self.transactionId = transactionId
    }

    /// A car is at the plug and no transaction runs: a start can resume a session that Ampwise
    /// stopped to pause it.
    var isReadyToResume: Bool {
        transactionId == nil && status.canResumeSession
    }
}
