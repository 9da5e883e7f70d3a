import ChargingModel
import OCPP201

extension ConnectorStatus {
    /// An OCPP 2.0.1 EVSE's state in the rule vocabulary (docs/ocpp201.md, "Status mapping").
    ///
    /// 2.0.1 splits what 1.6 says in one status: the connector's physical status
    /// (`ConnectorStatusEnum`: Available, Occupied, Reserved, Unavailable, Faulted) and the
    /// transaction's `chargingState` (Charging, EVConnected, SuspendedEV, SuspendedEVSE, Idle).
    /// Occupied becomes Preparing while no authorised transaction is open (so that `start` sends
    /// RequestStartTransaction, which also authorises a transaction the charger opened at
    /// plug-in), the charging state while one is, and Finishing once it ended with the car still
    /// plugged in (so that a stopped session is not started again at once). A status outside the
    /// standard (let through for a lenient charger) counts as Unavailable, as for 1.6.
    init(ocpp201 status: ConnectorStatusEnum, transaction: OCPP201TransactionPhase) {
        switch status {
        case .available: self = .available
        case .reserved: self = .reserved
        case .unavailable: self = .unavailable
        case .faulted: self = .faulted
        case .occupied:
            switch transaction {
            case .notAuthorised: self = .preparing
            case .endedWhileOccupied: self = .finishing
            case .authorised(.charging?): self = .charging
            case .authorised(.suspendedEVSE?): self = .suspendedEVSE
            // Connected and not drawing, without the station holding it back (it says
            // SuspendedEVSE when it does): the car's own pause, as 1.6's SuspendedEV.
            case .authorised: self = .suspendedEV
            }
        case .unrecognized(let spelling): self = ConnectorStatus(spelling: spelling) ?? .unavailable
        }
    }
}
