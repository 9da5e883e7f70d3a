import ChargingModel
import Foundation

@testable import Rules

/// Builds rule sets and worlds for tests with as little ceremony as possible.
enum RuleFixture {
    static let amsterdam = TimeZone(identifier: "Europe/Amsterdam")!

    /// Checks `text` as one file and fails loudly (with the diagnostics) if it does not check.
    static func ruleSet(_ text: String, path: String = "test.rules") -> RuleSet {
        let result = RuleChecker.check([RuleSource(path: path, text: text)])
        guard let ruleSet = result.ruleSet else {
            fatalError("rules do not check: \(result.diagnostics.map(\.description))")
        }
        return ruleSet
    }

    /// The diagnostics of `text` as printed lines.
    static func errors(_ text: String, path: String = "t.rules") -> [String] {
        RuleChecker.check([RuleSource(path: path, text: text)]).diagnostics.map(\.description)
    }

    /// A local time in Amsterdam, e.g. `date("2026-11-25 08:00")`.
    static func date(_ text: String, timeZone: TimeZone = amsterdam) -> Date {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = timeZone
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        return formatter.date(from: text)!
    }

    static func connector(
        _ chargerId: String = "garage", _ connectorId: Int = 1, status: ConnectorStatus = .charging,
        power: Double? = nil, transaction: Bool = false, chargingDuration: Double = 0
    ) -> ConnectorState {
        ConnectorState(
            chargerId: chargerId, connectorId: connectorId, status: status, power: power,
            hasOpenTransaction: transaction, chargingDuration: chargingDuration)
    }

    static func world(
        at now: Date = date("2026-11-25 12:00"), connectors: [ConnectorState] = [connector()],
        chargers: [String: ChargerSettings] = [:], inputs: [String: Double] = [:],
        prices: PriceLookup = .unknown
    ) -> RuleWorld {
        RuleWorld(
            now: now, timeZone: amsterdam, connectors: connectors, chargers: chargers,
            inputs: inputs.mapValues { InputReading(value: $0, updatedAt: now) }, inputMaxAge: 300, prices: prices)
    }

    /// Evaluates once with a fresh memory.
    static func decide(_ rules: String, _ world: RuleWorld) -> [ConnectorDecision] {
        var state = TemporalState()
        return ruleSet(rules).evaluate(world, state: &state)
    }

    static func decideOne(_ rules: String, _ world: RuleWorld) -> ConnectorDecision {
        decide(rules, world)[0]
    }
}
