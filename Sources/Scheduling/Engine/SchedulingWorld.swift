import ChargingModel
import Foundation
import Rules

/// Builds what the rules and the command policy see from the charger directory, the inputs, the
/// tariff and the clock. Pure, so that the live engine and `ampwise plan` build the same world.
public enum SchedulingWorld {
    /// The rule world at `now`: every connector (1 and up) of every charger in `snapshots`.
    public static func ruleWorld(
        snapshots: [ChargerSnapshot], settings: EngineSettings, inputs: InputSet, tariff: TariffSchedule, now: Date
    ) -> RuleWorld {
        var connectors: [ConnectorState] = []
        var chargers: [String: ChargerSettings] = [:]
        // By index: a `for snapshot in` loop copies every charger's whole snapshot (a tenth of a
        // pass over a car park); this reads only the id and the connectors.
        for index in snapshots.indices {
            let chargerId = snapshots[index].id
            chargers[chargerId] = settings.charger(chargerId).ruleSettings
            for connector in snapshots[index].connectors where connector.id >= 1 {
                connectors.append(connectorState(chargerId: chargerId, connector: connector, now: now))
            }
        }
        var readings: [String: InputReading] = [:]
        for (name, reading) in inputs.readings(now: now) {
            readings[name.rawValue] = reading
        }
        return RuleWorld(
            now: now, timeZone: settings.timeZone, connectors: connectors, chargers: chargers, inputs: readings,
            inputMaxAge: settings.inputMaxAge, prices: priceLookup(tariff),
            phaseSwitchInterval: settings.phaseSwitchInterval)
    }

    /// An energy goal's plan at `now` (`GET /api/chargers/{id}/goal`), from its charger as the
    /// directory has it: the same planner and figures the rules decide with.
    public static func goalPlan(
        _ goal: EnergyGoal, snapshot: ChargerSnapshot?, settings: EngineSettings, inputs: InputSet,
        tariff: TariffSchedule, now: Date
    ) -> EnergyGoalPlan {
        let connector =
            snapshot?.connector(goal.connectorId).map {
                connectorState(chargerId: goal.chargerId, connector: $0, now: now)
            } ?? ConnectorState(chargerId: goal.chargerId, connectorId: goal.connectorId, status: .available)
        let world = ruleWorld(snapshots: [], settings: settings, inputs: inputs, tariff: tariff, now: now)
        return EnergyGoalPlan(
            goal: goal, connector: connector, settings: settings.charger(goal.chargerId).ruleSettings, now: now,
            prices: world.prices, solarPower: goal.strategy == .solar ? world.solarPowerForCar(connector) : nil)
    }

    /// The tariff as the rules read it (`price`, `cheapest ... before`): pushed over periods over default.
    public static func priceLookup(_ tariff: TariffSchedule) -> PriceLookup {
        PriceLookup { instant in tariff.price(at: instant) }
    }

    /// One connector as the rules see it. A connector that never reported a status counts as
    /// Available (a status Ampwise does not know came in as Unavailable: nothing is started on it).
    public static func connectorState(chargerId: String, connector: ConnectorSnapshot, now: Date) -> ConnectorState {
        let transaction = connector.transaction
        return ConnectorState(
            chargerId: chargerId, connectorId: connector.id, status: connector.status ?? .available,
            power: connector.measurands[.powerActiveImport]?.value,
            current: connector.measurands[.currentImport]?.value,
            offered: connector.measurands[.currentOffered]?.value,
            soc: connector.measurands[.soc]?.value,
            sessionEnergy: transaction?.energyWh,
            sessionDuration: transaction?.durationSeconds(at: now),
            hasOpenTransaction: transaction != nil,
            chargingDuration: connector.chargingSeconds)
    }

    /// What the command policy knows about a charger: its settings and the facts it reported
    /// (rate unit, stack level, connector count), with the profile purpose remembered as working.
    public static func chargerFacts(
        snapshot: ChargerSnapshot, settings: EngineChargerSettings, workingPurpose: ProfilePurpose?
    ) -> ChargerFacts {
        let connectorCount =
            snapshot.numberOfConnectors ?? snapshot.connectors.filter { $0.id >= 1 }.count
        return ChargerFacts(
            rateUnit: snapshot.limitUnit,
            maxStackLevel: snapshot.maxStackLevel, voltage: settings.voltage, phases: settings.phases,
            minCurrent: settings.minCurrent, maxCurrent: settings.maxCurrent, pause: settings.pause,
            idTag: settings.idTag, hasSingleConnector: connectorCount == 1,
            workingProfilePurpose: workingPurpose)
    }

    /// The command policy's view of each connector (1 and up).
    public static func connectorFacts(snapshot: ChargerSnapshot) -> [ConnectorFacts] {
        snapshot.connectors.filter { $0.id >= 1 }.map { connector in
            ConnectorFacts(
                connectorId: connector.id, status: connector.status ?? .available,
                transactionId: connector.transaction?.id)
        }
    }
}
