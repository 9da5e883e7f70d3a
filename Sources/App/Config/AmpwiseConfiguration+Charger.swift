import Central
import ChargePointManagement

extension AmpwiseConfiguration {
    /// `chargers.<id>`: one charger's settings; a charger that is not listed gets these defaults.
    public struct Charger: Sendable, Equatable {
        /// HTTP Basic auth password (user name = charger id); `nil`: no authentication.
        public var password: String?
        /// Amperes per phase.
        public var maxCurrent = 16.0
        /// Amperes per phase; below this the connector is paused rather than throttled.
        public var minCurrent = 6.0
        /// 1 or 3.
        public var phases = 3
        /// Volts, line to neutral.
        public var voltage = 230.0
        /// The tag for remote starts as configured; `nil` when not set (see `remoteStartIdTag`).
        public var idTag: String?
        /// `false`: lenient parsing for chargers with faulty firmware.
        public var strict = true
        public var pause = PauseMethod.profile
        /// `true`: a 3-phase charger that is told to charge on 1 phase when the limit is too small
        /// for 3 (docs/rules.md, "Phase switching").
        public var phaseSwitching = false
        /// The least the charger must use to connect; nil: 1 with a password, else 0 (docs/security.md).
        public var securityProfile: SecurityProfile?

        public init() {}

        /// The tag Ampwise uses for remote starts on this charger: `idTag`, or `"ampwise"`.
        public var remoteStartIdTag: String { IdTagPolicy.remoteStartTag(chargerIdTag: idTag) }
    }
}
