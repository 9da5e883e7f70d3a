import Foundation
import Rules
import Scheduling

extension AmpwiseConfiguration {
    /// What the scheduling engine and `ampwise plan` take from the configuration.
    public var engineSettings: EngineSettings {
        EngineSettings(
            timeZone: timeZone, tick: scheduling.tick, inputMaxAge: scheduling.inputMaxAge,
            phaseSwitchInterval: scheduling.phaseSwitchInterval,
            policy: PolicySettings(
                deadband: scheduling.deadband, minIncreaseInterval: scheduling.minIncreaseInterval,
                retryInterval: scheduling.retryInterval),
            chargers: chargers.mapValues(Self.engineCharger), defaultCharger: Self.engineCharger(Charger()))
    }

    /// The configured tariff (default and periods) in the configured time zone.
    public var tariffSchedule: TariffSchedule {
        TariffSchedule(defaultPrice: tariff.defaultPrice, periods: tariff.periods, timeZone: timeZone)
    }

    static func engineCharger(_ charger: Charger) -> EngineChargerSettings {
        EngineChargerSettings(
            phases: charger.phases, voltage: charger.voltage, minCurrent: charger.minCurrent,
            maxCurrent: charger.maxCurrent, idTag: charger.idTag,
            pause: charger.pause == .remoteStop ? .remoteStop : .profile, phaseSwitching: charger.phaseSwitching)
    }
}

extension AmpwiseConfiguration {
    /// Reads the configured rules folder for `SchedulingEngine.reloadRules()` (`POST /api/rules/reload`,
    /// SIGHUP); a folder that cannot be read is reported as a diagnostic that names it.
    public var ruleSourceLoader: SchedulingEngine.RuleSourceLoader {
        let folder = rules
        return {
            do throws(RuleFileError) {
                return try RuleFiles.servedSources(in: folder)
            } catch {
                throw RuleDiagnostic(path: error.path, message: error.reason)
            }
        }
    }
}
