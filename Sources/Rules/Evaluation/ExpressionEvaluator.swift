/// Evaluates compiled expressions for one connector, noting every unknown value it reads.
/// A comparison with an unknown value is false; arithmetic with one is unknown.
struct ExpressionEvaluator {
    let tick: TickValues
    let inputNames: [String]
    let connector: ConnectorState
    let settings: ChargerSettings
    private(set) var unknown: [String] = []

    init(tick: TickValues, inputNames: [String], connector: ConnectorState, settings: ChargerSettings) {
        self.tick = tick
        self.inputNames = inputNames
        self.connector = connector
        self.settings = settings
    }

    /// `connector.power`: the latest measurand, 0 when not charging and nothing was reported.
    static func power(of connector: ConnectorState) -> Double? {
        connector.power ?? (connector.status == .charging ? nil : 0)
    }

    /// The power a goal plans with (SPEC §10): the measured power while the connector draws more
    /// than 100 W, else maxCurrent × voltage × phases.
    static func achievablePower(of connector: ConnectorState, settings: ChargerSettings) -> Double {
        if let power = connector.power, power > 100 { return power }
        return settings.maxCurrent * settings.wattsPerAmpere
    }

    mutating func noteUnknown(_ name: String) {
        if !unknown.contains(name) { unknown.append(name) }
    }

    private func read(_ source: ValueSource) -> Double? {
        switch source {
        case .input(let index): return tick.inputs[index]
        case .solarSurplus(let surplus, let grid): return tick.inputs[surplus] ?? tick.inputs[grid].map { max(0, -$0) }
        case .price: return tick.price
        case .sitePower: return tick.sitePower
        case .connectorPower: return Self.power(of: connector)
        case .connectorCurrent: return connector.current
        case .connectorOffered: return connector.offered
        case .soc: return connector.soc
        case .sessionEnergy: return connector.hasOpenTransaction ? connector.sessionEnergy : nil
        case .sessionDuration: return connector.hasOpenTransaction ? connector.sessionDuration : nil
        case .chargerPhases: return Double(settings.phases)
        case .chargerVoltage: return settings.voltage
        case .chargerMaxCurrent: return settings.maxCurrent
        case .chargerMinCurrent: return settings.minCurrent
        }
    }

    mutating func number(_ expression: CompiledExpression) -> Double? {
        switch expression {
        case .constant(let value):
            return value
        case .value(let source):
            guard let value = read(source) else {
                noteUnknown(source.name(inputs: inputNames))
                return nil
            }
            return value
        case .negate(let operand):
            return number(operand).map { -$0 }
        case .arithmetic(let op, let lhs, let rhs):
            guard let left = number(lhs), let right = number(rhs) else { return nil }
            switch op {
            case .add: return left + right
            case .subtract: return left - right
            case .multiply: return left * right
            default:
                guard right != 0 else {
                    noteUnknown("division by zero")
                    return nil
                }
                return left / right
            }
        case .minimum(let arguments), .maximum(let arguments):
            var result: Double?
            var complete = true
            for argument in arguments {
                guard let value = number(argument) else {
                    complete = false
                    continue
                }
                if case .minimum = expression {
                    result = min(result ?? value, value)
                } else {
                    result = max(result ?? value, value)
                }
            }
            return complete ? result : nil
        default:
            return nil
        }
    }

    mutating func truth(_ expression: CompiledExpression) -> Bool {
        switch expression {
        case .boolean(let value):
            return value
        case .not(let operand):
            return !truth(operand)
        case .and(let lhs, let rhs):
            return truth(lhs) && truth(rhs)
        case .or(let lhs, let rhs):
            return truth(lhs) || truth(rhs)
        case .comparison(let op, let lhs, let rhs):
            if Self.isBoolean(lhs) { return compareTruth(op, lhs, rhs) }
            let left = number(lhs)
            let right = number(rhs)
            guard let left, let right else { return false }
            switch op {
            case .less: return left < right
            case .lessOrEqual: return left <= right
            case .greater: return left > right
            case .greaterOrEqual: return left >= right
            case .equal: return left == right
            default: return left != right
            }
        case .timeIn(let from, let to):
            let now = tick.secondsOfDay
            return from <= to ? (now >= from && now < to) : (now >= from || now < to)
        case .weekdayIn(let mask):
            return mask & (1 << UInt8(tick.weekday)) != 0
        case .statusIn(let mask):
            return mask & connector.status.bit != 0
        case .cheapest(let index):
            return tick.cheapest[index]
        case .cheapestEnergy(let energy, let window):
            guard let goal = number(energy) else { return false }
            // The energy still missing in the open session (all of it without one).
            let delivered = connector.hasOpenTransaction ? connector.sessionEnergy ?? 0 : 0
            let needed = CheapestEnergyWindow.slotsNeeded(
                energy: goal - delivered, power: Self.achievablePower(of: connector, settings: settings))
            return tick.energyWindows[window].isChosen(needed: needed)
        default:
            return false
        }
    }

    private static func isBoolean(_ expression: CompiledExpression) -> Bool {
        switch expression {
        case .boolean, .not, .and, .or, .comparison, .timeIn, .weekdayIn, .statusIn, .cheapest, .cheapestEnergy:
            return true
        default: return false
        }
    }

    private mutating func compareTruth(_ op: BinaryOperator, _ lhs: CompiledExpression, _ rhs: CompiledExpression)
        -> Bool
    {
        let equal = truth(lhs) == truth(rhs)
        return op == .equal ? equal : !equal
    }
}
