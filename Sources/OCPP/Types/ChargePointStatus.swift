/// The status of a charger (connector 0) or a connector.
public enum ChargePointStatus: OCPPEnumeration {
    case available
    case preparing
    case charging
    case suspendedEVSE
    case suspendedEV
    case finishing
    case reserved
    case unavailable
    case faulted
    /// A value outside the standard, let through by lenient decoding.
    case unrecognized(String)

    public static let spellings: OCPPSpellings<Self> = [
        (.available, "Available"),
        (.preparing, "Preparing"),
        (.charging, "Charging"),
        (.suspendedEVSE, "SuspendedEVSE"),
        (.suspendedEV, "SuspendedEV"),
        (.finishing, "Finishing"),
        (.reserved, "Reserved"),
        (.unavailable, "Unavailable"),
        (.faulted, "Faulted"),
    ]

    public var unrecognizedSpelling: String? {
        if case .unrecognized(let spelling) = self { return spelling }
        return nil
    }
}
