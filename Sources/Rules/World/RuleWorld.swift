import ChargingModel
import Foundation

/// Everything the rules are evaluated against at one instant. The rules have no clock of their
/// own: `now` is the time of the evaluation.
public struct RuleWorld: Sendable {
    /// The instant of the evaluation (the rules have no clock of their own).
    public var now: Date
    /// For `time in`, `weekday` and `cheapest ... before` (local wall-clock time, DST aware).
    public var timeZone: TimeZone
    /// Every connector to decide for; decisions come back in this order.
    public var connectors: [ConnectorState]
    /// Settings by charger id; a charger not listed gets `ChargerSettings.defaults`.
    public var chargers: [String: ChargerSettings]
    /// Latest inputs by name (`grid.power`, `solar.power`, `solar.surplus`, `input.NAME`).
    public var inputs: [String: InputReading]
    /// An input older than this many seconds is unknown (`scheduler.inputMaxAge`).
    public var inputMaxAge: Double
    /// The tariff: price per kWh at any instant.
    public var prices: PriceLookup
    /// Energy goals set through the API, by connector: each acts as a rule named `goal` with
    /// priority 5 (docs/prices.md).
    public var goals: [ConnectorKey: EnergyGoal]
    /// Seconds a connector of a phase-switching charger keeps its phases after a switch
    /// (`scheduler.phaseSwitchInterval`).
    public var phaseSwitchInterval: Double

    /// A world at `now`; inputs, chargers and prices default to none known.
    public init(
        now: Date, timeZone: TimeZone, connectors: [ConnectorState], chargers: [String: ChargerSettings] = [:],
        inputs: [String: InputReading] = [:], inputMaxAge: Double = 300, prices: PriceLookup = .unknown,
        goals: [ConnectorKey: EnergyGoal] = [:],
        phaseSwitchInterval: Double = 300
    ) {
        self.now = now
        self.timeZone = timeZone
        self.connectors = connectors
        self.chargers = chargers
        self.inputs = inputs
        self.inputMaxAge = inputMaxAge
        self.prices = prices
        self.goals = goals
        self.phaseSwitchInterval = phaseSwitchInterval
    }

    /// The input's value when it is known: pushed, and not older than `inputMaxAge`.
    public func freshInput(_ name: String) -> Double? {
        guard let reading = inputs[name], now.timeIntervalSince(reading.updatedAt) <= inputMaxAge else { return nil }
        return reading.value
    }

    /// The input's value as the rules read it: pushed and fresh, or for `solar.surplus` not
    /// pushed, max(0, −grid.power).
    public func inputValue(_ name: String) -> Double? {
        Self.inputValue(name, pushed: freshInput)
    }

    /// The value of input `name` from the `pushed` ones, as the rules read it (the evaluator does
    /// the same by index, in `ExpressionEvaluator`): `solar.surplus` when not pushed is the export,
    /// max(0, −grid.power).
    public static func inputValue(_ name: String, pushed: (String) -> Double?) -> Double? {
        if let value = pushed(name) { return value }
        guard name == "solar.surplus" else { return nil }
        return pushed("grid.power").map { max(0, -$0) }
    }

    /// The settings of a charger, or the defaults when it is not configured.
    public func settings(of chargerId: String) -> ChargerSettings { chargers[chargerId] ?? .defaults }

    /// The power the car on `connector` could take from the sun now, for a `solar` goal: what it
    /// draws plus what still flows out to the grid (`connector.power - grid.power`, as the
    /// solar-following example reads it) when `grid.power` is known, else a pushed `solar.surplus`;
    /// nil when neither is known.
    public func solarPowerForCar(_ connector: ConnectorState) -> Double? {
        if let grid = freshInput("grid.power") { return max(0, (connector.power ?? 0) - grid) }
        return freshInput("solar.surplus")
    }
}
