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

    public static let spellings: [(value: Self, spelling: String)] = [
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

    public static func known(_ spelling: String) -> Self? {
        switch spelling {
        case "Available": .available
        case "Preparing": .preparing
        case "Charging": .charging
        case "SuspendedEVSE": .suspendedEVSE
        case "SuspendedEV": .suspendedEV
        case "Finishing": .finishing
        case "Reserved": .reserved
        case "Unavailable": .unavailable
        case "Faulted": .faulted
        default: nil
        }
    }

    public var spelling: String {
        switch self {
        case .available: "Available"
        case .preparing: "Preparing"
        case .charging: "Charging"
        case .suspendedEVSE: "SuspendedEVSE"
        case .suspendedEV: "SuspendedEV"
        case .finishing: "Finishing"
        case .reserved: "Reserved"
        case .unavailable: "Unavailable"
        case .faulted: "Faulted"
        case .unrecognized(let spelling): spelling
        }
    }

    public var unrecognizedSpelling: String? {
        if case .unrecognized(let spelling) = self { return spelling }
        return nil
    }
}
