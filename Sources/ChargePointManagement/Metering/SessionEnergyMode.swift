/// How a transaction's energy is worked out from the charger's energy register.
enum SessionEnergyMode: String, Sendable, Hashable, Codable {
    /// The register counts for the charger's whole life: energy = register − meterStart.
    case registerSinceMeterStart
    /// The register restarts from 0 for every session (seen in the field): energy = register.
    case registerCountsSession
    /// The charger gave no meterStart (an OCPP 2.0.1 TransactionEvent Started without an energy
    /// register): the first register value of the transaction becomes meterStart, and the mode
    /// becomes `registerSinceMeterStart` from there.
    case registerSinceFirstReading
}
