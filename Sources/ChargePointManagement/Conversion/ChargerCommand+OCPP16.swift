import ChargingModel
import OCPP

extension ChargerCommand {
    /// The OCPP 1.6 request that carries this command to a charger.
    public var ocpp16Request: any OCPPRequest {
        switch self {
        case .setLimit(let limit):
            limit.ocpp16Request
        case .clearLimit(_, let profileId, _):
            ClearChargingProfileRequest(id: profileId)
        case .startTransaction(let connectorId, let idTag):
            RemoteStartTransactionRequest(connectorId: connectorId, idTag: idTag)
        case .stopTransaction(let transactionId):
            RemoteStopTransactionRequest(transactionId: transactionId)
        case .changeAvailability(let connectorId, let available):
            ChangeAvailabilityRequest(connectorId: connectorId, type: available ? .operative : .inoperative)
        }
    }
}

extension ChargingLimit {
    /// The OCPP 1.6 SetChargingProfile that holds this limit (docs/command-policy.md):
    ///
    /// - TxDefaultProfile and TxProfile: `Relative`, no `startSchedule`, one period from 0 with no
    ///   `duration`: the limit holds for the whole session and does not depend on the charger's
    ///   clock (an `Absolute` schedule starting "now" is not in force yet on a charger whose clock
    ///   runs behind). TxProfile carries the open transaction's id, as the specification requires.
    /// - ChargePointMaxProfile: on connector 0, `Absolute` from `startsAt` (a day ago), again
    ///   without `duration`: a charge point maximum has no session to be relative to, and a start
    ///   in the past is in force at once even on a charger whose clock is a day off.
    var ocpp16Request: SetChargingProfileRequest {
        let isChargerWide = purpose == .chargePointMaxProfile
        let schedule = ChargingSchedule(
            chargingRateUnit: unit == .amps ? .amperes : .watts,
            chargingSchedulePeriod: [ChargingSchedulePeriod(startPeriod: 0, limit: value, numberPhases: phases)],
            startSchedule: isChargerWide ? startsAt : nil)
        let profile = ChargingProfile(
            chargingProfileId: profileId, transactionId: purpose == .txProfile ? transactionId : nil,
            stackLevel: stackLevel, chargingProfilePurpose: ChargingProfilePurpose(purpose),
            chargingProfileKind: isChargerWide ? .absolute : .relative, chargingSchedule: schedule)
        return SetChargingProfileRequest(connectorId: isChargerWide ? 0 : connectorId, csChargingProfiles: profile)
    }
}

extension ChargingProfilePurpose {
    init(_ purpose: ProfilePurpose) {
        switch purpose {
        case .txDefaultProfile: self = .txDefaultProfile
        case .txProfile: self = .txProfile
        case .chargePointMaxProfile: self = .chargePointMaxProfile
        }
    }
}
