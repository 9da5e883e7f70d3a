/// What the central system knows about a connector right now.
public struct ConnectorFacts: Sendable, Hashable {
    public var connectorId: Int
    /// The status as OCPP 1.6 spells it (`Available`, `Preparing`, `Charging`, ...).
    public var status: String
    /// The open transaction, if any.
    public var transactionId: Int?

    public init(connectorId: Int, status: String, transactionId: Int? = nil) {
        self.connectorId = connectorId
        self.status = status
        self.transactionId = transactionId
    }

    /// A car is plugged in and no transaction runs: a RemoteStartTransaction can resume a session
    /// that Ampwise stopped to pause it.
    var isReadyToResume: Bool {
        transactionId == nil && ["Preparing", "SuspendedEV", "SuspendedEVSE", "Finishing"].contains(status)
    }
}
