import ChargingModel
import Chronology

/// A parsed expression with the position of its first token (where errors about it point).
struct Expression: Equatable {
    indirect enum Kind: Equatable {
        /// A number with its unit as written (`A`, `W`, `kW`, `V`, `Wh`, `kWh`, `%`), or none.
        case number(Double, unit: String?)
        case duration(seconds: Double, text: String)
        case boolean(Bool)
        case variable(String)
        case negate(Expression)
        case not(Expression)
        case binary(BinaryOperator, Expression, Expression)
        case call(String, [Expression])
        /// `time in FROM..TO`, local clock times.
        case timeIn(from: ClockTime, to: ClockTime)
        case weekdayIn(WeekdaySet)
        case statusIn([ConnectorStatus])
        /// `cheapest D before HH:MM`.
        case cheapest(seconds: Double, text: String, before: ClockTime)
        /// `cheapest ENERGY before HH:MM`: an energy goal for the connector's open session.
        case cheapestEnergy(Expression, before: ClockTime)
    }

    var kind: Kind
    /// Where the expression starts.
    var location: SourceLocation
    /// Where errors about it point: the operator of a binary operation, else the start.
    var anchor: SourceLocation

    init(kind: Kind, location: SourceLocation, anchor: SourceLocation? = nil) {
        self.kind = kind
        self.location = location
        self.anchor = anchor ?? location
    }

    /// Golden tests compare structure, not positions.
    static func == (lhs: Expression, rhs: Expression) -> Bool { lhs.kind == rhs.kind }
}
