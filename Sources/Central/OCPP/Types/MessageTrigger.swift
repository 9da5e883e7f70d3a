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

    public static let spellings: [(value: Self, spelling: String)] = [
        (.bootNotification, "BootNotification"),
        (.diagnosticsStatusNotification, "DiagnosticsStatusNotification"),
        (.firmwareStatusNotification, "FirmwareStatusNotification"),
        (.heartbeat, "Heartbeat"),
        (.meterValues, "MeterValues"),
        (.statusNotification, "StatusNotification"),
    ]

    public static func known(_ spelling: String) -> Self? {
        switch spelling {
        case "BootNotification": .bootNotification
        case "DiagnosticsStatusNotification": .diagnosticsStatusNotification
        case "FirmwareStatusNotification": .firmwareStatusNotification
        case "Heartbeat": .heartbeat
        case "MeterValues": .meterValues
        case "StatusNotification": .statusNotification
        default: nil
        }
    }

    public var spelling: String {
        switch self {
        case .bootNotification: "BootNotification"
        case .diagnosticsStatusNotification: "DiagnosticsStatusNotification"
        case .firmwareStatusNotification: "FirmwareStatusNotification"
        case .heartbeat: "Heartbeat"
        case .meterValues: "MeterValues"
        case .statusNotification: "StatusNotification"
        case .unrecognized(let spelling): spelling
        }
    }

    public var unrecognizedSpelling: String? {
        if case .unrecognized(let spelling) = self { return spelling }
        return nil
    }
}
