extension OCPPAction {
    /// Who sends the CALL of this action.
    public var initiator: OCPPInitiator {
        switch self {
        case .authorize, .bootNotification, .diagnosticsStatusNotification, .firmwareStatusNotification, .heartbeat,
            .meterValues, .startTransaction, .statusNotification, .stopTransaction, .securityEventNotification,
            .signCertificate, .logStatusNotification,
            .signedFirmwareStatusNotification:
            .chargePoint
        case .cancelReservation, .changeAvailability, .changeConfiguration, .clearCache, .clearChargingProfile,
            .getCompositeSchedule, .getConfiguration, .getDiagnostics, .getLocalListVersion, .remoteStartTransaction,
            .remoteStopTransaction, .reserveNow, .reset, .sendLocalList, .setChargingProfile, .triggerMessage,
            .unlockConnector, .updateFirmware, .certificateSigned, .installCertificate, .getInstalledCertificateIds,
            .deleteCertificate, .extendedTriggerMessage, .getLog, .signedUpdateFirmware:
            .centralSystem
        case .dataTransfer:
            .either
        }
    }

    /// Whether a charger may send this action to the central system.
    public var isSentByChargePoint: Bool { initiator != .centralSystem }

    /// Whether the central system may send this action to a charger.
    public var isSentByCentralSystem: Bool { initiator != .chargePoint }

    /// The Swift type of the CALL payload.
    public var requestType: any OCPPRequest.Type {
        switch self {
        case .authorize: AuthorizeRequest.self
        case .bootNotification: BootNotificationRequest.self
        case .cancelReservation: CancelReservationRequest.self
        case .changeAvailability: ChangeAvailabilityRequest.self
        case .changeConfiguration: ChangeConfigurationRequest.self
        case .clearCache: ClearCacheRequest.self
        case .clearChargingProfile: ClearChargingProfileRequest.self
        case .dataTransfer: DataTransferRequest.self
        case .diagnosticsStatusNotification: DiagnosticsStatusNotificationRequest.self
        case .firmwareStatusNotification: FirmwareStatusNotificationRequest.self
        case .getCompositeSchedule: GetCompositeScheduleRequest.self
        case .getConfiguration: GetConfigurationRequest.self
        case .getDiagnostics: GetDiagnosticsRequest.self
        case .getLocalListVersion: GetLocalListVersionRequest.self
        case .heartbeat: HeartbeatRequest.self
        case .meterValues: MeterValuesRequest.self
        case .remoteStartTransaction: RemoteStartTransactionRequest.self
        case .remoteStopTransaction: RemoteStopTransactionRequest.self
        case .reserveNow: ReserveNowRequest.self
        case .reset: ResetRequest.self
        case .sendLocalList: SendLocalListRequest.self
        case .setChargingProfile: SetChargingProfileRequest.self
        case .startTransaction: StartTransactionRequest.self
        case .statusNotification: StatusNotificationRequest.self
        case .stopTransaction: StopTransactionRequest.self
        case .triggerMessage: TriggerMessageRequest.self
        case .unlockConnector: UnlockConnectorRequest.self
        case .updateFirmware: UpdateFirmwareRequest.self
        case .securityEventNotification: SecurityEventNotificationRequest.self
        case .signCertificate: SignCertificateRequest.self
        case .certificateSigned: CertificateSignedRequest.self
        case .installCertificate: InstallCertificateRequest.self
        case .getInstalledCertificateIds: GetInstalledCertificateIdsRequest.self
        case .deleteCertificate: DeleteCertificateRequest.self
        case .extendedTriggerMessage: ExtendedTriggerMessageRequest.self
        case .getLog: GetLogRequest.self
        case .logStatusNotification: LogStatusNotificationRequest.self
        case .signedUpdateFirmware: SignedUpdateFirmwareRequest.self
        case .signedFirmwareStatusNotification: SignedFirmwareStatusNotificationRequest.self
        }
    }
}
