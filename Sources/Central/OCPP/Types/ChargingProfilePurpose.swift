/// What a charging profile is for.
public enum ChargingProfilePurpose: OCPPEnumeration {
    case chargePointMaxProfile
    case txDefaultProfile
    case txProfile
    /// A value outside the standard, let through by lenient decoding.
    case unrecognized(String)

    public static let spellings: [(value: Self, spelling: String)] = [
        (.chargePointMaxProfile, "ChargePointMaxProfile"),
        (.txDefaultProfile, "TxDefaultProfile"),
        (.txProfile, "TxProfile"),
    ]

    public static func known(_ spelling: String) -> Self? {
        switch spelling {
        case "ChargePointMaxProfile": .chargePointMaxProfile
        case "TxDefaultProfile": .txDefaultProfile
        case "TxProfile": .txProfile
        default: nil
        }
    }

    public var spelling: String {
        switch self {
        case .chargePointMaxProfile: "ChargePointMaxProfile"
        case .txDefaultProfile: "TxDefaultProfile"
        case .txProfile: "TxProfile"
        case .unrecognized(let spelling): spelling
        }
    }

    public var unrecognizedSpelling: String? {
        if case .unrecognized(let spelling) = self { return spelling }
        return nil
    }
}
