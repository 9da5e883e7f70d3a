import Foundation
import Logging

/// `ampwise plan`'s flags, with the defaults filled in where the command has them.
public struct PlanOptions: Sendable, Hashable {
    public static let defaultHours = 24.0
    public static let defaultStepMinutes = 15

    public var configPath: String?
    public var rulesPath: String?
    /// `nil`: now.
    public var from: Date?
    public var hours: Double
    public var inputsPath: String?
    public var stepMinutes: Int
    public var svgPath: String?
    public var logLevel: LogLevel?

    public init(
        configPath: String? = nil, rulesPath: String? = nil, from: Date? = nil, hours: Double = defaultHours,
        inputsPath: String? = nil, stepMinutes: Int = defaultStepMinutes, svgPath: String? = nil,
        logLevel: LogLevel? = nil
    ) {
        self.configPath = configPath
        self.rulesPath = rulesPath
        self.from = from
        self.hours = hours
        self.inputsPath = inputsPath
        self.stepMinutes = stepMinutes
        self.svgPath = svgPath
        self.logLevel = logLevel
    }

    /// `configuration` with `--rules` and `--log-level` applied over it.
    public func applied(to configuration: AmpwiseConfiguration) -> AmpwiseConfiguration {
        configuration.overriding(rules: rulesPath, database: nil, logLevel: logLevel)
    }
}
