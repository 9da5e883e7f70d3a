import ChargingModel
import Foundation

/// One connector of a plan inputs file: its status, transaction and measurands over time.
public struct PlanConnectorInput: Sendable, Equatable {
    public var chargerId: String
    public var connectorId: Int
    /// Before the first point the connector is Available.
    public var status: PlanTimeSeries<ConnectorStatus>
    /// Whether a transaction is open; `nil`: open while Charging, SuspendedEV or SuspendedEVSE.
    public var transaction: PlanTimeSeries<Bool>?
    /// Power.Active.Import in W, Current.Import, Current.Offered, SoC.
    public var measurands: [Measurand: PlanTimeSeries<Double>]
    /// Energy of the open transaction in Wh.
    public var energy: PlanTimeSeries<Double>?
    /// An energy goal in force from the start of the plan (docs/plan.md).
    public var goal: EnergyGoal?

    public init(
        chargerId: String, connectorId: Int, status: PlanTimeSeries<ConnectorStatus>,
        transaction: PlanTimeSeries<Bool>? = nil, measurands: [Measurand: PlanTimeSeries<Double>] = [:],
        energy: PlanTimeSeries<Double>? = nil, goal: EnergyGoal? = nil
    ) {
        self.chargerId = chargerId
        self.connectorId = connectorId
        self.status = status
        self.transaction = transaction
        self.measurands = measurands
        self.energy = energy
        self.goal = goal
    }

    static let sessionStatuses: Set<ConnectorStatus> = [.charging, .suspendedEV, .suspendedEVSE]

    /// Whether a transaction is open at `instant`, and since when (the point that opened it).
    func openTransaction(at instant: Date) -> (index: Int, startedAt: Date)? {
        let flags: [PlanTimePoint<Bool>] =
            transaction?.points
            ?? status.points.map { PlanTimePoint(at: $0.at, value: Self.sessionStatuses.contains($0.value)) }
        guard let current = flags.lastIndex(where: { $0.at <= instant }), flags[current].value else { return nil }
        var start = current
        while start > 0 && flags[start - 1].value { start -= 1 }
        return (start, flags[start].at)
    }
}
