import Foundation

/// A switch between 3-phase and 1-phase charging on a charger with `phaseSwitching` (SPEC §10,
/// docs/rules.md "Phase switching"), as decided: it explains the phases a connector is held on
/// until the next switch.
public struct PhaseSwitch: Sendable, Equatable, CustomStringConvertible {
    /// The phases before and after the switch: 3 and 1, or 1 and 3.
    public var from: Int
    public var to: Int
    /// When the rules decided it.
    public var at: Date
    /// The limit the rules asked for, as power (W): amperes × voltage × the phases then in use;
    /// `nil` when no limit was asked (the charger's full power, on every phase).
    public var askedWatts: Double?
    /// The 3-phase minimum: `minCurrent` × voltage × 3.
    public var thresholdWatts: Double

    public init(from: Int, to: Int, at: Date, askedWatts: Double?, thresholdWatts: Double) {
        self.from = from
        self.to = to
        self.at = at
        self.askedWatts = askedWatts
        self.thresholdWatts = thresholdWatts
    }

    /// `switched to 1 phase: 3000 W asked is below the 3-phase minimum 4140 W`.
    public var description: String {
        let threshold = Self.watts(thresholdWatts)
        guard let asked = askedWatts else {
            return "switched to \(Self.phases(to)): no limit asked (3-phase minimum \(threshold))"
        }
        let comparison = asked < thresholdWatts ? "is below" : "reaches"
        return
            "switched to \(Self.phases(to)): \(Self.watts(asked)) asked \(comparison) the 3-phase minimum \(threshold)"
    }

    /// `1 phase`, `3 phases`.
    public static func phases(_ count: Int) -> String { count == 1 ? "1 phase" : "\(count) phases" }

    static func watts(_ value: Double) -> String { "\(Int(value.rounded())) W" }
}
