import Foundation
import JSON

/// What the scheduling engine and `ampwise plan` take from the configuration.
public struct EngineSettings: Sendable {
    /// The ticks `scheduler.tick` accepts, in seconds: a tenth of a second to an hour. A tick much
    /// below that only burns CPU, and a plan's length in evaluations is its hours over the tick.
    public static let tickRange = NumberRange.numbers(0.1...3600)

    /// The zone for `time in`, `weekday` and `cheapest ... before`.
    public var timeZone: TimeZone
    /// Seconds between rule evaluations (`scheduler.tick`); evaluations also run on every event.
    public var tick: TimeInterval
    /// Seconds after which an input is unknown (`scheduler.inputMaxAge`).
    public var inputMaxAge: TimeInterval
    /// Seconds a phase-switching charger keeps its phases after a switch (`scheduler.phaseSwitchInterval`).
    public var phaseSwitchInterval: TimeInterval
    /// Deadband, pacing and retries.
    public var policy: PolicySettings
    /// Per-charger settings by id; a charger not listed gets `defaultCharger`.
    public var chargers: [String: EngineChargerSettings]
    public var defaultCharger: EngineChargerSettings

    public init(
        timeZone: TimeZone, tick: TimeInterval = 10, inputMaxAge: TimeInterval = 300,
        phaseSwitchInterval: TimeInterval = 300, policy: PolicySettings = PolicySettings(),
        chargers: [String: EngineChargerSettings] = [:],
        defaultCharger: EngineChargerSettings = EngineChargerSettings()
    ) {
        self.timeZone = timeZone
        self.tick = tick
        self.inputMaxAge = inputMaxAge
        self.phaseSwitchInterval = phaseSwitchInterval
        self.policy = policy
        self.chargers = chargers
        self.defaultCharger = defaultCharger
    }

    /// The settings of charger `id`, listed or not.
    public func charger(_ id: String) -> EngineChargerSettings { chargers[id] ?? defaultCharger }
}
