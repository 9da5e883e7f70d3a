/// Identifies one connector of one charger.
public struct ConnectorKey: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var chargerId: String
    public var connectorId: Int

    public init(chargerId: String, connectorId: Int) {
        self.chargerId = chargerId
        self.connectorId = connectorId
    }

    public var description: String { "\(chargerId):\(connectorId)" }

    public static func < (lhs: ConnectorKey, rhs: ConnectorKey) -> Bool {
        (lhs.chargerId, lhs.connectorId) < (rhs.chargerId, rhs.connectorId)
    }
}
