import ChargingModel
import Foundation

extension ChargerFacts {
    /// The limit for `amps` on `phases` (`nil`: all the charger's) as this charger takes it: in its
    /// rate unit, with one decimal, at its stack level, on the fixed profile id of the purpose. A
    /// charger-wide profile starts a day before `now`, so that it is in force at once even on a
    /// charger whose clock is a day off.
    func chargingLimit(
        amps: Double, phases: Int? = nil, purpose: ProfilePurpose, connectorId: Int, transactionId: Int?, now: Date
    ) -> ChargingLimit {
        let phasesInUse = phases ?? self.phases
        let value = rateUnit == .amps ? amps : watts(fromAmps: amps, phases: phasesInUse)
        return ChargingLimit(
            connectorId: connectorId, purpose: purpose, profileId: purpose.profileId(connectorId: connectorId),
            stackLevel: maxStackLevel ?? Self.defaultStackLevel, unit: rateUnit, value: (value * 10).rounded() / 10,
            phases: phasesInUse, transactionId: transactionId,
            startsAt: purpose == .chargePointMaxProfile ? now.addingTimeInterval(-86_400) : nil)
    }

    /// Amperes per phase for a power in watts (`W / (V × phases)`), for limits given in watts, on
    /// `phases` or all the charger's.
    public func amps(fromWatts watts: Double, phases: Int? = nil) -> Double {
        watts / (voltage * Double(max(phases ?? self.phases, 1)))
    }

    /// Watts for a current in amperes (`A × V × phases`), on `phases` or all the charger's.
    public func watts(fromAmps amps: Double, phases: Int? = nil) -> Double {
        amps * voltage * Double(max(phases ?? self.phases, 1))
    }

    /// The profile purposes to try for a limit, best first: the remembered one, then
    /// TxDefaultProfile, TxProfile (only with an open transaction), ChargePointMaxProfile (only on a
    /// single-connector charger, where a charger-wide cap is the connector's cap).
    ///
    /// A charger known to need TxProfile gets nothing while no transaction is open: a limit only
    /// matters during one, and re-trying a purpose it refused would only fail again.
    func profilePurposes(transactionId: Int?) -> [ProfilePurpose] {
        if workingProfilePurpose == .txProfile && transactionId == nil { return [] }
        var order: [ProfilePurpose] = [.txDefaultProfile, .txProfile, .chargePointMaxProfile]
        if let remembered = workingProfilePurpose {
            order.removeAll { $0 == remembered }
            order.insert(remembered, at: 0)
        }
        return order.filter { purpose in
            switch purpose {
            case .txDefaultProfile: true
            case .txProfile: transactionId != nil
            case .chargePointMaxProfile: hasSingleConnector
            }
        }
    }
}
