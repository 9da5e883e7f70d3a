extension Expression: CustomStringConvertible {
    /// Canonical text: every binary operation in parentheses, so precedence is visible.
    var description: String {
        switch kind {
        case .number(let value, let unit):
            let number = Self.format(value)
            return unit.map { "\(number) \($0)" } ?? number
        case .duration(_, let text): return text
        case .boolean(let value): return value ? "true" : "false"
        case .variable(let name): return name
        case .negate(let operand): return "-\(operand)"
        case .not(let operand): return "not \(operand)"
        case .binary(let op, let lhs, let rhs): return "(\(lhs) \(op.rawValue) \(rhs))"
        case .call(let name, let arguments):
            return "\(name)(\(arguments.map(\.description).joined(separator: ", ")))"
        case .timeIn(let from, let to): return "time in \(from)..\(to)"
        case .weekdayIn(let days): return "weekday in \(days.description)"
        case .statusIn(let statuses):
            if statuses.count == 1 { return "status is \(statuses[0].rawValue)" }
            return "status in \(statuses.map(\.rawValue).joined(separator: ", "))"
        case .cheapest(_, let text, let before): return "cheapest \(text) before \(before)"
        case .cheapestEnergy(let energy, let before): return "cheapest \(energy) before \(before)"
        }
    }

    static func format(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return String(value)
    }
}
