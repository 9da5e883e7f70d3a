import JSON

/// A CALL the central system sends to a charger: one case per action it may send.
public enum CentralSystemRequest: Sendable, Hashable {
    case cancelReservation(CancelReservationRequest)
    case changeAvailability(ChangeAvailabilityRequest)
    case changeConfiguration(ChangeConfigurationRequest)
    case clearCache(ClearCacheRequest)
    case clearChargingProfile(ClearChargingProfileRequest)
    case dataTransfer(DataTransferRequest)
    case getCompositeSchedule(GetCompositeScheduleRequest)
    case getConfiguration(GetConfigurationRequest)
    case getDiagnostics(GetDiagnosticsRequest)
    case getLocalListVersion(GetLocalListVersionRequest)
    case remoteStartTransaction(RemoteStartTransactionRequest)
    case remoteStopTransaction(RemoteStopTransactionRequest)
    case reserveNow(ReserveNowRequest)
    case reset(ResetRequest)
    case sendLocalList(SendLocalListRequest)
    case setChargingProfile(SetChargingProfileRequest)
    case triggerMessage(TriggerMessageRequest)
    case unlockConnector(UnlockConnectorRequest)
    case updateFirmware(UpdateFirmwareRequest)
    case certificateSigned(CertificateSignedRequest)
    case installCertificate(InstallCertificateRequest)
    case getInstalledCertificateIds(GetInstalledCertificateIdsRequest)
    case deleteCertificate(DeleteCertificateRequest)
    case extendedTriggerMessage(ExtendedTriggerMessageRequest)
    case getLog(GetLogRequest)
    case signedUpdateFirmware(SignedUpdateFirmwareRequest)

    /// The action this request is sent as.
    public var action: OCPPAction {
        switch self {
        case .cancelReservation: .cancelReservation
        case .changeAvailability: .changeAvailability
        case .changeConfiguration: .changeConfiguration
        case .clearCache: .clearCache
        case .clearChargingProfile: .clearChargingProfile
        case .dataTransfer: .dataTransfer
        case .getCompositeSchedule: .getCompositeSchedule
        case .getConfiguration: .getConfiguration
        case .getDiagnostics: .getDiagnostics
        case .getLocalListVersion: .getLocalListVersion
        case .remoteStartTransaction: .remoteStartTransaction
        case .remoteStopTransaction: .remoteStopTransaction
        case .reserveNow: .reserveNow
        case .reset: .reset
        case .sendLocalList: .sendLocalList
        case .setChargingProfile: .setChargingProfile
        case .triggerMessage: .triggerMessage
        case .unlockConnector: .unlockConnector
        case .updateFirmware: .updateFirmware
        case .certificateSigned: .certificateSigned
        case .installCertificate: .installCertificate
        case .getInstalledCertificateIds: .getInstalledCertificateIds
        case .deleteCertificate: .deleteCertificate
        case .extendedTriggerMessage: .extendedTriggerMessage
        case .getLog: .getLog
        case .signedUpdateFirmware: .signedUpdateFirmware
        }
    }

    /// The typed request inside, for code that handles any action alike (logging, storage).
    public var request: any OCPPRequest {
        switch self {
        case .cancelReservation(let request): request
        case .changeAvailability(let request): request
        case .changeConfiguration(let request): request
        case .clearCache(let request): request
        case .clearChargingProfile(let request): request
        case .dataTransfer(let request): request
        case .getCompositeSchedule(let request): request
        case .getConfiguration(let request): request
        case .getDiagnostics(let request): request
        case .getLocalListVersion(let request): request
        case .remoteStartTransaction(let request): request
        case .remoteStopTransaction(let request): request
        case .reserveNow(let request): request
        case .reset(let request): request
        case .sendLocalList(let request): request
        case .setChargingProfile(let request): request
        case .triggerMessage(let request): request
        case .unlockConnector(let request): request
        case .updateFirmware(let request): request
        case .certificateSigned(let request): request
        case .installCertificate(let request): request
        case .getInstalledCertificateIds(let request): request
        case .deleteCertificate(let request): request
        case .extendedTriggerMessage(let request): request
        case .getLog(let request): request
        case .signedUpdateFirmware(let request): request
        }
    }

    /// The request payload, encoded (schema-valid).
    public var payload: JSONObject {
        switch self {
        case .cancelReservation(let request): request.jsonObject
        case .changeAvailability(let request): request.jsonObject
        case .changeConfiguration(let request): request.jsonObject
        case .clearCache(let request): request.jsonObject
        case .clearChargingProfile(let request): request.jsonObject
        case .dataTransfer(let request): request.jsonObject
        case .getCompositeSchedule(let request): request.jsonObject
        case .getConfiguration(let request): request.jsonObject
        case .getDiagnostics(let request): request.jsonObject
        case .getLocalListVersion(let request): request.jsonObject
        case .remoteStartTransaction(let request): request.jsonObject
        case .remoteStopTransaction(let request): request.jsonObject
        case .reserveNow(let request): request.jsonObject
        case .reset(let request): request.jsonObject
        case .sendLocalList(let request): request.jsonObject
        case .setChargingProfile(let request): request.jsonObject
        case .triggerMessage(let request): request.jsonObject
        case .unlockConnector(let request): request.jsonObject
        case .updateFirmware(let request): request.jsonObject
        case .certificateSigned(let request): request.jsonObject
        case .installCertificate(let request): request.jsonObject
        case .getInstalledCertificateIds(let request): request.jsonObject
        case .deleteCertificate(let request): request.jsonObject
        case .extendedTriggerMessage(let request): request.jsonObject
        case .getLog(let request): request.jsonObject
        case .signedUpdateFirmware(let request): request.jsonObject
        }
    }

    /// Decodes the payload of `action` (which must be one of this enum's actions).
    static func decode(
        _ action: OCPPAction, payload: JSONObject, mode: OCPPValidationMode
    ) throws(OCPPValidationError) -> OCPPDecoded<Self>? {
        switch action {
        case .cancelReservation:
            let decoded = try CancelReservationRequest.decode(payload, mode: mode)
            return OCPPDecoded(value: .cancelReservation(decoded.value), warnings: decoded.warnings)
        case .changeAvailability:
            let decoded = try ChangeAvailabilityRequest.decode(payload, mode: mode)
            return OCPPDecoded(value: .changeAvailability(decoded.value), warnings: decoded.warnings)
        case .changeConfiguration:
            let decoded = try ChangeConfigurationRequest.decode(payload, mode: mode)
            return OCPPDecoded(value: .changeConfiguration(decoded.value), warnings: decoded.warnings)
        case .clearCache:
            let decoded = try ClearCacheRequest.decode(payload, mode: mode)
            return OCPPDecoded(value: .clearCache(decoded.value), warnings: decoded.warnings)
        case .clearChargingProfile:
            let decoded = try ClearChargingProfileRequest.decode(payload, mode: mode)
            return OCPPDecoded(value: .clearChargingProfile(decoded.value), warnings: decoded.warnings)
        case .dataTransfer:
            let decoded = try DataTransferRequest.decode(payload, mode: mode)
            return OCPPDecoded(value: .dataTransfer(decoded.value), warnings: decoded.warnings)
        case .getCompositeSchedule:
            let decoded = try GetCompositeScheduleRequest.decode(payload, mode: mode)
            return OCPPDecoded(value: .getCompositeSchedule(decoded.value), warnings: decoded.warnings)
        case .getConfiguration:
            let decoded = try GetConfigurationRequest.decode(payload, mode: mode)
            return OCPPDecoded(value: .getConfiguration(decoded.value), warnings: decoded.warnings)
        case .getDiagnostics:
            let decoded = try GetDiagnosticsRequest.decode(payload, mode: mode)
            return OCPPDecoded(value: .getDiagnostics(decoded.value), warnings: decoded.warnings)
        case .getLocalListVersion:
            let decoded = try GetLocalListVersionRequest.decode(payload, mode: mode)
            return OCPPDecoded(value: .getLocalListVersion(decoded.value), warnings: decoded.warnings)
        case .remoteStartTransaction:
            let decoded = try RemoteStartTransactionRequest.decode(payload, mode: mode)
            return OCPPDecoded(value: .remoteStartTransaction(decoded.value), warnings: decoded.warnings)
        case .remoteStopTransaction:
            let decoded = try RemoteStopTransactionRequest.decode(payload, mode: mode)
            return OCPPDecoded(value: .remoteStopTransaction(decoded.value), warnings: decoded.warnings)
        case .reserveNow:
            let decoded = try ReserveNowRequest.decode(payload, mode: mode)
            return OCPPDecoded(value: .reserveNow(decoded.value), warnings: decoded.warnings)
        case .reset:
            let decoded = try ResetRequest.decode(payload, mode: mode)
            return OCPPDecoded(value: .reset(decoded.value), warnings: decoded.warnings)
        case .sendLocalList:
            let decoded = try SendLocalListRequest.decode(payload, mode: mode)
            return OCPPDecoded(value: .sendLocalList(decoded.value), warnings: decoded.warnings)
        case .setChargingProfile:
            let decoded = try SetChargingProfileRequest.decode(payload, mode: mode)
            return OCPPDecoded(value: .setChargingProfile(decoded.value), warnings: decoded.warnings)
        case .triggerMessage:
            let decoded = try TriggerMessageRequest.decode(payload, mode: mode)
            return OCPPDecoded(value: .triggerMessage(decoded.value), warnings: decoded.warnings)
        case .unlockConnector:
            let decoded = try UnlockConnectorRequest.decode(payload, mode: mode)
            return OCPPDecoded(value: .unlockConnector(decoded.value), warnings: decoded.warnings)
        case .updateFirmware:
            let decoded = try UpdateFirmwareRequest.decode(payload, mode: mode)
            return OCPPDecoded(value: .updateFirmware(decoded.value), warnings: decoded.warnings)
        case .certificateSigned:
            let decoded = try CertificateSignedRequest.decode(payload, mode: mode)
            return OCPPDecoded(value: .certificateSigned(decoded.value), warnings: decoded.warnings)
        case .installCertificate:
            let decoded = try InstallCertificateRequest.decode(payload, mode: mode)
            return OCPPDecoded(value: .installCertificate(decoded.value), warnings: decoded.warnings)
        case .getInstalledCertificateIds:
            let decoded = try GetInstalledCertificateIdsRequest.decode(payload, mode: mode)
            return OCPPDecoded(value: .getInstalledCertificateIds(decoded.value), warnings: decoded.warnings)
        case .deleteCertificate:
            let decoded = try DeleteCertificateRequest.decode(payload, mode: mode)
            return OCPPDecoded(value: .deleteCertificate(decoded.value), warnings: decoded.warnings)
        case .extendedTriggerMessage:
            let decoded = try ExtendedTriggerMessageRequest.decode(payload, mode: mode)
            return OCPPDecoded(value: .extendedTriggerMessage(decoded.value), warnings: decoded.warnings)
        case .getLog:
            let decoded = try GetLogRequest.decode(payload, mode: mode)
            return OCPPDecoded(value: .getLog(decoded.value), warnings: decoded.warnings)
        case .signedUpdateFirmware:
            let decoded = try SignedUpdateFirmwareRequest.decode(payload, mode: mode)
            return OCPPDecoded(value: .signedUpdateFirmware(decoded.value), warnings: decoded.warnings)
        default:
            return nil
        }
    }
}
