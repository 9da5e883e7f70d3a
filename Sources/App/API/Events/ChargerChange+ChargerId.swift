import ChargingModel

extension ChargerChange {
    /// The charger the change is about.
    var chargerId: String {
        switch self {
        case .connected(let chargerId), .disconnected(let chargerId), .booted(let chargerId),
            .configured(let chargerId), .status(let chargerId, _), .transactionStarted(let chargerId, _, _),
            .transactionStopped(let chargerId, _, _), .meterValues(let chargerId, _):
            chargerId
        }
    }
}
