import ChargingModel
import Foundation

/// The energy a simulated car takes in `ampwise plan` on a connector with an energy goal, so that
/// the goal's plan unfolds as it will live (docs/plan.md): while the decision charges, the car
/// draws what it is offered (the decided limit, else maxCurrent, × voltage × phases), and that
/// energy is added to the session's energy from the inputs file. A new session starts from zero.
struct SimulatedGoalEnergy {
    /// Energy added per connector, with the transaction it belongs to.
    private var added: [ConnectorKey: (transactionId: Int, wh: Double)] = [:]

    /// Adds the simulated energy to the open sessions of the connectors with goals.
    func add(to snapshots: inout [ChargerSnapshot], goals: [ConnectorKey: EnergyGoal]) {
        for chargerIndex in snapshots.indices {
            for connectorIndex in snapshots[chargerIndex].connectors.indices {
                let connector = snapshots[chargerIndex].connectors[connectorIndex]
                let key = ConnectorKey(chargerId: snapshots[chargerIndex].id, connectorId: connector.id)
                guard goals[key] != nil, let transaction = connector.transaction,
                    let energy = added[key], energy.transactionId == transaction.id
                else { continue }
                snapshots[chargerIndex].connectors[connectorIndex].transaction?.energyWh =
                    transaction.energyWh + energy.wh
            }
        }
    }

    /// Counts `seconds` of charging at the decided limit on every connector with a goal that the
    /// last evaluation let charge.
    mutating func charge(snapshots: [ChargerSnapshot], core: SchedulingCore, seconds: TimeInterval) {
        for snapshot in snapshots {
            let settings = core.settings.charger(snapshot.id)
            for connector in snapshot.connectors {
                let key = ConnectorKey(chargerId: snapshot.id, connectorId: connector.id)
                guard core.goals[key] != nil, let transaction = connector.transaction else { continue }
                var energy = added[key] ?? (transactionId: transaction.id, wh: 0)
                if energy.transactionId != transaction.id { energy = (transactionId: transaction.id, wh: 0) }
                if let effective = core.effective[key], effective.charging != .pause {
                    let amps = effective.limitAmps ?? settings.maxCurrent
                    energy.wh += amps * settings.voltage * Double(settings.phases) * seconds / 3600
                }
                added[key] = energy
            }
        }
    }
}
