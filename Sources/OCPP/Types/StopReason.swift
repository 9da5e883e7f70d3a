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

    public static let spellings: OCPPSpellings<Self> = [
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

    public var unrecognizedSpelling: String? {
        if case .unrecognized(let spelling) = self { return spelling }
        return nil
    }
}
