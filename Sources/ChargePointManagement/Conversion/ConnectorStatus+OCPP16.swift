import ChargingModel
import OCPP

extension ConnectorStatus {
    /// An OCPP 1.6 status: the model's vocabulary is 1.6's, so each maps to itself. A status
    /// outside the standard (let through for a lenient charger) counts as Unavailable, so that
    /// nothing is started on it; the store's status history keeps it as the charger spelled it.
    init(_ status: ChargePointStatus) {
        switch status {
        case .available: self = .available
        case .preparing: self = .preparing
        case .charging: self = .charging
        case .suspendedEVSE: self = .suspendedEVSE
        case .suspendedEV: self = .suspendedEV
        case .finishing: self = .finishing
        case .reserved: self = .reserved
        case .unavailable: self = .unavailable
        case .faulted: self = .faulted
        case .unrecognized(let spelling): self = ConnectorStatus(spelling: spelling) ?? .unavailable
        }
    }
}
