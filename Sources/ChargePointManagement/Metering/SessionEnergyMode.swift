/// How a transaction's energy is worked out from the charger's energy register.
enum SessionEnergyMode: String, Sendable, Hashable, Codable {
    /// The register counts for the charger's whole life: energy = register − meterStart.
    case registerSinceMeterStart
    /// The register restarts from 0 for every session (seen in the field): energy = register.
    case registerCountsSession
}
