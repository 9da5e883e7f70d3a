/// A variable resolved by the checker. Inputs are indexes into the rule set's input names, read
/// once per evaluation.
enum ValueSource: Equatable, Sendable {
    case input(Int)
    /// `solar.surplus`: the pushed input if fresh, else max(0, -grid.power).
    case solarSurplus(surplus: Int, grid: Int)
    case price
    case sitePower
    case connectorPower, connectorCurrent, connectorOffered, soc, sessionEnergy, sessionDuration
    case chargerPhases, chargerVoltage, chargerMaxCurrent, chargerMinCurrent

    static let fixed: [String: (ValueSource, Dimension)] = [
        "price": (.price, .number),
        "site.power": (.sitePower, .power),
        "connector.power": (.connectorPower, .power),
        "connector.current": (.connectorCurrent, .current),
        "connector.offered": (.connectorOffered, .current),
        "soc": (.soc, .percent),
        "session.energy": (.sessionEnergy, .energy),
        "session.duration": (.sessionDuration, .duration),
        "charger.phases": (.chargerPhases, .number),
        "charger.voltage": (.chargerVoltage, .voltage),
        "charger.maxCurrent": (.chargerMaxCurrent, .current),
        "charger.minCurrent": (.chargerMinCurrent, .current),
    ]

    static let inputDimensions: [String: Dimension] = [
        "grid.power": .power, "solar.power": .power, "solar.surplus": .power,
    ]

    /// Values that differ from one connector to another (a `share` budget cannot use them).
    var isPerConnector: Bool {
        switch self {
        case .input, .solarSurplus, .price, .sitePower: return false
        default: return true
        }
    }

    /// The name used in explanations of unknown values.
    func name(inputs: [String]) -> String {
        switch self {
        case .input(let index): return inputs[index]
        case .solarSurplus(let surplus, _): return inputs[surplus]
        case .price: return "price"
        case .sitePower: return "site.power"
        case .connectorPower: return "connector.power"
        case .connectorCurrent: return "connector.current"
        case .connectorOffered: return "connector.offered"
        case .soc: return "soc"
        case .sessionEnergy: return "session.energy"
        case .sessionDuration: return "session.duration"
        case .chargerPhases: return "charger.phases"
        case .chargerVoltage: return "charger.voltage"
        case .chargerMaxCurrent: return "charger.maxCurrent"
        case .chargerMinCurrent: return "charger.minCurrent"
        }
    }
}
