import ChargingModel
import OCPP201

/// What `ChargerFleet` keeps about an OCPP 2.0.1 EVSE to say its status in the rule vocabulary
/// (docs/ocpp201.md, "Status mapping"): the last status of each of its connectors and where its
/// transaction stands.
struct OCPP201EVSEState: Sendable {
    /// The last StatusNotification of each connector of the EVSE, by connector id.
    var connectorStatuses: [Int: ConnectorStatusEnum] = [:]
    /// The charger's id of the transaction open on the EVSE.
    var transactionId: String?
    /// Whether that transaction is authorised (an accepted idToken, or a remote start).
    var authorised = false
    /// Its last reported charging state.
    var chargingState: ChargingStateEnum?
    /// A transaction ended while a car was plugged in; cleared once the EVSE is Available.
    var endedWhileOccupied = false

    /// The EVSE's physical status from its connectors': Occupied if any is (a car is plugged in),
    /// else Reserved, else Available if any is, else Faulted, else Unavailable.
    var connectorStatus: ConnectorStatusEnum? {
        let statuses = Array(connectorStatuses.values)
        guard !statuses.isEmpty else { return nil }
        for candidate in [ConnectorStatusEnum.occupied, .reserved, .available, .faulted]
        where statuses.contains(candidate) {
            return candidate
        }
        return statuses.contains(.unavailable) ? .unavailable : statuses[0]
    }

    var transactionPhase: OCPP201TransactionPhase {
        if transactionId != nil { return authorised ? .authorised(chargingState) : .notAuthorised }
        return endedWhileOccupied ? .endedWhileOccupied : .notAuthorised
    }

    /// The status in the rule vocabulary; nil until a connector reported.
    var status: ConnectorStatus? {
        connectorStatus.map { ConnectorStatus(ocpp201: $0, transaction: transactionPhase) }
    }
}
