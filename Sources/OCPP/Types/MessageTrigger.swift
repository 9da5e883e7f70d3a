/// The message a TriggerMessage asks the charger to send.
public enum MessageTrigger: OCPPEnumeration {
    case bootNotification
    case diagnosticsStatusNotification
    case firmwareStatusNotification
    case heartbeat
    case meterValues
    case statusNotification
    /// A value outside the standard, let through by lenient decoding.
    case unrecognized(String)

    public static let spellings: OCPPSpellings<Self> = [
        (.bootNotification, "BootNotification"),
        (.diagnosticsStatusNotification, "DiagnosticsStatusNotification"),
        (.firmwareStatusNotification, "FirmwareStatusNotification"),
        (.heartbeat, "Heartbeat"),
        (.meterValues, "MeterValues"),
        (.statusNotification, "StatusNotification"),
    ]

    public var unrecognizedSpelling: String? {
        if case .unrecognized(let spelling) = self { return spelling }
        return nil
    }
}
