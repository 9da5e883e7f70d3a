import ChargingModel
import OCPP201

extension ChargerCommand {
    /// The OCPP 2.0.1 request that carries this command to a charging station (docs/ocpp201.md);
    /// a model connector is an EVSE. `chargerTransactionId` gives the station's own (string) id of
    /// one of Ampwise's transaction ids; nil when the command needs one that is not known (a
    /// transaction the station never reported). `remoteStartId` is what a RequestStartTransaction
    /// carries: unique per station, so that the TransactionEvent that follows names this request.
    func ocpp201Request(chargerTransactionId: (Int) -> String?, remoteStartId: Int) -> (any OCPP201Request)? {
        switch self {
        case .setLimit(let limit):
            return limit.ocpp201Request(chargerTransactionId: chargerTransactionId)
        case .clearLimit(_, let profileId, _):
            return ClearChargingProfileRequest(chargingProfileId: profileId)
        case .startTransaction(let connectorId, let idTag):
            return RequestStartTransactionRequest(
                evseId: connectorId, idToken: IdToken(idToken: idTag, type: .central), remoteStartId: remoteStartId)
        case .stopTransaction(let transactionId):
            return chargerTransactionId(transactionId).map { RequestStopTransactionRequest(transactionId: $0) }
        case .changeAvailability(let connectorId, let available):
            return ChangeAvailabilityRequest(
                evse: connectorId == 0 ? nil : EVSE(id: connectorId),
                operationalStatus: available ? .operative : .inoperative)
        }
    }
}

extension ChargingModel.ChargingLimit {
    /// The OCPP 2.0.1 SetChargingProfile that holds this limit, shaped as 1.6's (docs/command-policy.md):
    /// TxDefaultProfile and TxProfile `Relative` on the EVSE with one period from 0 and no
    /// duration; ChargingStationMaxProfile (1.6's ChargePointMaxProfile) on EVSE 0, `Absolute`
    /// from `startsAt`. The schedule's id is the profile's (one schedule per profile). A TxProfile
    /// whose transaction the station never reported cannot be sent: nil.
    func ocpp201Request(chargerTransactionId: (Int) -> String?) -> SetChargingProfileRequest? {
        let isChargerWide = purpose == .chargePointMaxProfile
        var transaction: String?
        if purpose == .txProfile {
            guard let transactionId, let known = chargerTransactionId(transactionId) else { return nil }
            transaction = known
        }
        let schedule = ChargingSchedule(
            id: profileId, startSchedule: isChargerWide ? startsAt : nil,
            chargingRateUnit: unit == .amps ? .amperes : .watts,
            chargingSchedulePeriod: [ChargingSchedulePeriod(startPeriod: 0, limit: value, numberPhases: phases)])
        let profile = OCPP201.ChargingProfile(
            id: profileId, stackLevel: stackLevel, chargingProfilePurpose: ChargingProfilePurposeEnum(purpose),
            chargingProfileKind: isChargerWide ? .absolute : .relative, chargingSchedule: [schedule],
            transactionId: transaction)
        return SetChargingProfileRequest(evseId: isChargerWide ? 0 : connectorId, chargingProfile: profile)
    }
}

extension ChargingProfilePurposeEnum {
    init(_ purpose: ProfilePurpose) {
        switch purpose {
        case .txDefaultProfile: self = .txDefaultProfile
        case .txProfile: self = .txProfile
        case .chargePointMaxProfile: self = .chargingStationMaxProfile
        }
    }
}
