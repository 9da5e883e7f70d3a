import JSON

/// A CALL a charger sent to the central system, decoded: one case per action a charger may send.
public enum ChargePointRequest: Sendable, Hashable {
    case authorize(AuthorizeRequest)
    case bootNotification(BootNotificationRequest)
    case dataTransfer(DataTransferRequest)
    case diagnosticsStatusNotification(DiagnosticsStatusNotificationRequest)
    case firmwareStatusNotification(FirmwareStatusNotificationRequest)
    case heartbeat(HeartbeatRequest)
    case meterValues(MeterValuesRequest)
    case startTransaction(StartTransactionRequest)
    case statusNotification(StatusNotificationRequest)
    case stopTransaction(StopTransactionRequest)
    case securityEventNotification(SecurityEventNotificationRequest)
    case signCertificate(SignCertificateRequest)
    case logStatusNotification(LogStatusNotificationRequest)
    case signedFirmwareStatusNotification(SignedFirmwareStatusNotificationRequest)

    /// The action this request is sent as.
    public var action: OCPPAction {
        switch self {
        case .authorize: .authorize
        case .bootNotification: .bootNotification
        case .dataTransfer: .dataTransfer
        case .diagnosticsStatusNotification: .diagnosticsStatusNotification
        case .firmwareStatusNotification: .firmwareStatusNotification
        case .heartbeat: .heartbeat
        case .meterValues: .meterValues
        case .startTransaction: .startTransaction
        case .statusNotification: .statusNotification
        case .stopTransaction: .stopTransaction
        case .securityEventNotification: .securityEventNotification
        case .signCertificate: .signCertificate
        case .logStatusNotification: .logStatusNotification
        case .signedFirmwareStatusNotification: .signedFirmwareStatusNotification
        }
    }

    /// The typed request inside, for code that handles any action alike (logging, storage).
    public var request: any OCPPRequest {
        switch self {
        case .authorize(let request): request
        case .bootNotification(let request): request
        case .dataTransfer(let request): request
        case .diagnosticsStatusNotification(let request): request
        case .firmwareStatusNotification(let request): request
        case .heartbeat(let request): request
        case .meterValues(let request): request
        case .startTransaction(let request): request
        case .statusNotification(let request): request
        case .stopTransaction(let request): request
        case .securityEventNotification(let request): request
        case .signCertificate(let request): request
        case .logStatusNotification(let request): request
        case .signedFirmwareStatusNotification(let request): request
        }
    }

    /// The request payload, encoded (schema-valid).
    public var payload: JSONObject {
        switch self {
        case .authorize(let request): request.jsonObject
        case .bootNotification(let request): request.jsonObject
        case .dataTransfer(let request): request.jsonObject
        case .diagnosticsStatusNotification(let request): request.jsonObject
        case .firmwareStatusNotification(let request): request.jsonObject
        case .heartbeat(let request): request.jsonObject
        case .meterValues(let request): request.jsonObject
        case .startTransaction(let request): request.jsonObject
        case .statusNotification(let request): request.jsonObject
        case .stopTransaction(let request): request.jsonObject
        case .securityEventNotification(let request): request.jsonObject
        case .signCertificate(let request): request.jsonObject
        case .logStatusNotification(let request): request.jsonObject
        case .signedFirmwareStatusNotification(let request): request.jsonObject
        }
    }

    /// Decodes the payload of `action` (which must be one of this enum's actions).
    static func decode(
        _ action: OCPPAction, payload: JSONObject, mode: OCPPValidationMode
    ) throws(OCPPValidationError) -> OCPPDecoded<Self>? {
        switch action {
        case .authorize:
            let decoded = try AuthorizeRequest.decode(payload, mode: mode)
            return OCPPDecoded(value: .authorize(decoded.value), warnings: decoded.warnings)
        case .bootNotification:
            let decoded = try BootNotificationRequest.decode(payload, mode: mode)
            return OCPPDecoded(value: .bootNotification(decoded.value), warnings: decoded.warnings)
        case .dataTransfer:
            let decoded = try DataTransferRequest.decode(payload, mode: mode)
            return OCPPDecoded(value: .dataTransfer(decoded.value), warnings: decoded.warnings)
        case .diagnosticsStatusNotification:
            let decoded = try DiagnosticsStatusNotificationRequest.decode(payload, mode: mode)
            return OCPPDecoded(value: .diagnosticsStatusNotification(decoded.value), warnings: decoded.warnings)
        case .firmwareStatusNotification:
            let decoded = try FirmwareStatusNotificationRequest.decode(payload, mode: mode)
            return OCPPDecoded(value: .firmwareStatusNotification(decoded.value), warnings: decoded.warnings)
        case .heartbeat:
            let decoded = try HeartbeatRequest.decode(payload, mode: mode)
            return OCPPDecoded(value: .heartbeat(decoded.value), warnings: decoded.warnings)
        case .meterValues:
            let decoded = try MeterValuesRequest.decode(payload, mode: mode)
            return OCPPDecoded(value: .meterValues(decoded.value), warnings: decoded.warnings)
        case .startTransaction:
            let decoded = try StartTransactionRequest.decode(payload, mode: mode)
            return OCPPDecoded(value: .startTransaction(decoded.value), warnings: decoded.warnings)
        case .statusNotification:
            let decoded = try StatusNotificationRequest.decode(payload, mode: mode)
            return OCPPDecoded(value: .statusNotification(decoded.value), warnings: decoded.warnings)
        case .stopTransaction:
            let decoded = try StopTransactionRequest.decode(payload, mode: mode)
            return OCPPDecoded(value: .stopTransaction(decoded.value), warnings: decoded.warnings)
        case .securityEventNotification:
            let decoded = try SecurityEventNotificationRequest.decode(payload, mode: mode)
            return OCPPDecoded(value: .securityEventNotification(decoded.value), warnings: decoded.warnings)
        case .signCertificate:
            let decoded = try SignCertificateRequest.decode(payload, mode: mode)
            return OCPPDecoded(value: .signCertificate(decoded.value), warnings: decoded.warnings)
        case .logStatusNotification:
            let decoded = try LogStatusNotificationRequest.decode(payload, mode: mode)
            return OCPPDecoded(value: .logStatusNotification(decoded.value), warnings: decoded.warnings)
        case .signedFirmwareStatusNotification:
            let decoded = try SignedFirmwareStatusNotificationRequest.decode(payload, mode: mode)
            return OCPPDecoded(value: .signedFirmwareStatusNotification(decoded.value), warnings: decoded.warnings)
        default:
            return nil
        }
    }
}
