import Foundation

extension AmpwiseConfiguration {
    /// `scheduler`: how often rules run and how commands are paced.
    public struct Scheduling: Sendable, Equatable {
        /// Seconds between rule evaluations (they also run on every event).
        public var tick: TimeInterval = 10
        /// Amperes: a new limit closer than this to the one in force is not sent.
        public var deadband = 0.5
        /// Seconds between two limit increases on one connector.
        public var minIncreaseInterval: TimeInterval = 10
        /// Seconds after which an input counts as missing.
        public var inputMaxAge: TimeInterval = 300
        /// Seconds before a failed command is tried again.
        public var retryInterval: TimeInterval = 30
        /// Seconds a phase-switching charger keeps its phases after a switch.
        public var phaseSwitchInterval: TimeInterval = 300

        public init() {}
    }
}
