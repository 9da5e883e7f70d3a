/// The 28 actions of OCPP 1.6 and the 11 of its security extension (the security whitepaper,
/// edition 3: docs/security.md), with their exact names.
public enum OCPPAction: String, Sendable, Hashable, CaseIterable {
    /// The charger asks whether an id tag may charge.
    case authorize = "Authorize"
    /// The charger announces itself after it (re)started.
    case bootNotification = "BootNotification"
    /// The central system cancels a reservation.
    case cancelReservation = "CancelReservation"
    /// The central system makes a charger or connector operative or inoperative.
    case changeAvailability = "ChangeAvailability"
    /// The central system sets one configuration key.
    case changeConfiguration = "ChangeConfiguration"
    /// The central system clears the charger's authorization cache.
    case clearCache = "ClearCache"
    /// The central system removes charging profiles that match all given criteria.
    case clearChargingProfile = "ClearChargingProfile"
    /// The either side carries vendor-specific data, in either direction.
    case dataTransfer = "DataTransfer"
    /// The charger reports the progress of a diagnostics upload.
    case diagnosticsStatusNotification = "DiagnosticsStatusNotification"
    /// The charger reports the progress of a firmware update.
    case firmwareStatusNotification = "FirmwareStatusNotification"
    /// The central system asks for the schedule that results from all profiles in force.
    case getCompositeSchedule = "GetCompositeSchedule"
    /// The central system reads configuration keys (all of them when `key` is absent).
    case getConfiguration = "GetConfiguration"
    /// The central system asks the charger to upload a diagnostics file.
    case getDiagnostics = "GetDiagnostics"
    /// The central system asks for the version of the local authorization list.
    case getLocalListVersion = "GetLocalListVersion"
    /// The charger tells the central system the charger is alive and asks for the time.
    case heartbeat = "Heartbeat"
    /// The charger reports sampled meter values.
    case meterValues = "MeterValues"
    /// The central system asks the charger to start a transaction.
    case remoteStartTransaction = "RemoteStartTransaction"
    /// The central system asks the charger to stop a transaction.
    case remoteStopTransaction = "RemoteStopTransaction"
    /// The central system reserves a connector for an id tag.
    case reserveNow = "ReserveNow"
    /// The central system restarts the charger.
    case reset = "Reset"
    /// The central system replaces or updates the local authorization list.
    case sendLocalList = "SendLocalList"
    /// The central system installs a charging profile.
    case setChargingProfile = "SetChargingProfile"
    /// The charger reports that a transaction started.
    case startTransaction = "StartTransaction"
    /// The charger reports the status of the charger or a connector.
    case statusNotification = "StatusNotification"
    /// The charger reports that a transaction stopped.
    case stopTransaction = "StopTransaction"
    /// The central system asks the charger to send a message now.
    case triggerMessage = "TriggerMessage"
    /// The central system unlocks a connector's cable.
    case unlockConnector = "UnlockConnector"
    /// The central system asks the charger to download and install firmware.
    case updateFirmware = "UpdateFirmware"
    /// The charger reports a security event (OCPP 1.6 security whitepaper).
    case securityEventNotification = "SecurityEventNotification"
    /// The charger asks for its certificate signing request to be signed (security whitepaper).
    case signCertificate = "SignCertificate"
    /// The central system delivers the charger's signed certificate and its chain.
    case certificateSigned = "CertificateSigned"
    /// The central system installs a root certificate on the charger.
    case installCertificate = "InstallCertificate"
    /// The central system asks which root certificates of a kind the charger holds.
    case getInstalledCertificateIds = "GetInstalledCertificateIds"
    /// The central system removes a root certificate from the charger.
    case deleteCertificate = "DeleteCertificate"
    /// The central system asks the charger to send a message now, the security messages included.
    case extendedTriggerMessage = "ExtendedTriggerMessage"
    /// The central system asks the charger to upload its diagnostics or security log.
    case getLog = "GetLog"
    /// The charger reports the progress of a log upload.
    case logStatusNotification = "LogStatusNotification"
    /// The central system asks the charger to install signed firmware.
    case signedUpdateFirmware = "SignedUpdateFirmware"
    /// The charger reports the progress of a signed firmware update.
    case signedFirmwareStatusNotification = "SignedFirmwareStatusNotification"
}
