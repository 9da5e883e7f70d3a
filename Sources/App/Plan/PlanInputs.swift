import ChargePointManagement
import ChargingModel
import Foundation
import Scheduling

/// The simulated world of `ampwise plan`, from a plan inputs file (docs/plan.md): connectors with
/// their states over time, inputs as constants or time series, and pushed tariff prices.
public struct PlanInputs: Sendable {
    public var chargers: [String: PlanChargerInput]
    public var connectors: [PlanConnectorInput]
    public var inputs: [InputName: PlanTimeSeries<Double>]
    /// Dynamic prices, as if pushed through `PUT /api/tariff`.
    public var tariff: [TariffSlot]

    public init(
        chargers: [String: PlanChargerInput] = [:], connectors: [PlanConnectorInput] = [],
        inputs: [InputName: PlanTimeSeries<Double>] = [:], tariff: [TariffSlot] = []
    ) {
        self.chargers = chargers
        self.connectors = connectors
        self.inputs = inputs
        self.tariff = tariff
    }

    /// Without an inputs file: connector 1 of every configured charger, a car plugged in and
    /// charging the whole time, no inputs known.
    public static func defaults(chargerIds: [String]) -> PlanInputs {
        PlanInputs(
            connectors: chargerIds.sorted().map {
                PlanConnectorInput(chargerId: $0, connectorId: 1, status: .constant(.charging))
            })
    }

    /// The scenario the simulation runs: snapshots of every charger and the inputs at any instant.
    public var scenario: PlanScenario {
        let chargers = chargers
        let connectors = connectors
        let inputs = inputs
        return PlanScenario(
            snapshots: { instant in Self.snapshots(chargers: chargers, connectors: connectors, at: instant) },
            inputs: { instant in inputs.compactMapValues { $0.value(at: instant) } },
            goals: connectors.compactMap(\.goal))
    }

    static func snapshots(
        chargers: [String: PlanChargerInput], connectors: [PlanConnectorInput], at instant: Date
    ) -> [ChargerSnapshot] {
        var byCharger: [String: ChargerSnapshot] = [:]
        for (index, input) in connectors.enumerated() {
            var snapshot = byCharger[input.chargerId] ?? ChargerSnapshot(id: input.chargerId)
            snapshot.connected = true
            snapshot.limitUnit = LimitUnit(ocpp16AllowedUnits: chargers[input.chargerId]?.allowedChargingRateUnit)
            snapshot.maxStackLevel = chargers[input.chargerId]?.maxStackLevel
            var connector = ConnectorSnapshot(id: input.connectorId)
            connector.status = input.status.value(at: instant) ?? .available
            for (name, series) in input.measurands {
                if let value = series.value(at: instant) {
                    connector.measurands[name] = MeasurandValue(value: value, unit: Self.unit(of: name), at: instant)
                }
            }
            if let open = input.openTransaction(at: instant) {
                // A stable id per simulated session: a new one each time a transaction opens.
                connector.transaction = TransactionSnapshot(
                    id: (index + 1) * 1000 + open.index, idTag: "plan", startedAt: open.startedAt, meterStart: 0,
                    energyWh: input.energy?.value(at: instant) ?? 0)
                if connector.status == .charging {
                    connector.chargingSeconds = max(0, instant.timeIntervalSince(open.startedAt))
                }
            }
            snapshot.connectors.append(connector)
            byCharger[input.chargerId] = snapshot
        }
        return byCharger.keys.sorted().compactMap { byCharger[$0] }
    }

    static func unit(of measurand: Measurand) -> String {
        switch measurand {
        case .powerActiveImport: "W"
        case .soc: "Percent"
        default: "A"
        }
    }
}
