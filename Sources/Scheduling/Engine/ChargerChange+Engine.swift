import ChargingModel

extension ChargerChange {
    /// Whether the engine must hear of this change at once. A disconnection only tells the next
    /// pass to read the charger again (it gets nothing while it is away), and meter values are
    /// read at the tick: both wait in the inbox for the next delivery or pass, so that a car park
    /// dropping off the network, or its meter values, wake the engine not once per charger.
    var wakesTheEngine: Bool {
        switch self {
        case .connected, .booted, .configured, .status, .transactionStarted, .transactionStopped: true
        case .disconnected, .meterValues: false
        }
    }
}
