/// The message an ExtendedTriggerMessage asks the charger to send (security whitepaper's MessageTriggerEnumType).
public enum ExtendedMessageTrigger: OCPPEnumeration {
    case bootNotification
    case logStatusNotification
    case firmwareStatusNotification
    case heartbeat
    case meterValues
    case signChargePointCertificate
    case statusNotification
    /// A value outside the standard, let through by lenient decoding.
    case unrecognized(String)

    public static let spellings: OCPPSpellings<Self> = [
        (.bootNotification, "BootNotification"),
        (.logStatusNotification, "LogStatusNotification"),
        (.firmwareStatusNotification, "FirmwareStatusNotification"),
        (.heartbeat, "Heartbeat"),
        (.meterValues, "MeterValues"),
        (.signChargePointCertificate, "SignChargePointCertificate"),
        (.statusNotification, "StatusNotification"),
    ]

    public var unrecognizedSpelling: String? {
        if case .unrecognized(let spelling) = self { return spelling }
        return nil
    }
}
