/// Why a transaction stopped (the standard's `Reason`).
public enum StopReason: OCPPEnumeration {
    case emergencyStop
    case evDisconnected
    case hardReset
    case local
    case other
    case powerLoss
    case reboot
    case remote
    case softReset
    case unlockCommand
    case deAuthorized
    /// A value outside the standard, let through by lenient decoding.
    case unrecognized(String)

    public static let spellings: [(value: Self, spelling: String)] = [
        (.emergencyStop, "EmergencyStop"),
        (.evDisconnected, "EVDisconnected"),
        (.hardReset, "HardReset"),
        (.local, "Local"),
        (.other, "Other"),
        (.powerLoss, "PowerLoss"),
        (.reboot, "Reboot"),
        (.remote, "Remote"),
        (.softReset, "SoftReset"),
        (.unlockCommand, "UnlockCommand"),
        (.deAuthorized, "DeAuthorized"),
    ]

    public static func known(_ spelling: String) -> Self? {
        switch spelling {
        case "EmergencyStop": .emergencyStop
        case "EVDisconnected": .evDisconnected
        case "HardReset": .hardReset
        case "Local": .local
        case "Other": .other
        case "PowerLoss": .powerLoss
        case "Reboot": .reboot
        case "Remote": .remote
        case "SoftReset": .softReset
        case "UnlockCommand": .unlockCommand
        case "DeAuthorized": .deAuthorized
        default: nil
        }
    }

    public var spelling: String {
        switch self {
        case .emergencyStop: "EmergencyStop"
        case .evDisconnected: "EVDisconnected"
        case .hardReset: "HardReset"
        case .local: "Local"
        case .other: "Other"
        case .powerLoss: "PowerLoss"
        case .reboot: "Reboot"
        case .remote: "Remote"
        case .softReset: "SoftReset"
        case .unlockCommand: "UnlockCommand"
        case .deAuthorized: "DeAuthorized"
        case .unrecognized(let spelling): spelling
        }
    }

    public var unrecognizedSpelling: String? {
        if case .unrecognized(let spelling) = self { return spelling }
        return nil
    }
}
