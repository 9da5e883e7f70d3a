/// What a charging profile is for.
public enum ChargingProfilePurpose: OCPPEnumeration {
    case chargePointMaxProfile
    case txDefaultProfile
    case txProfile
    /// A value outside the standard, let through by lenient decoding.
    case unrecognized(String)

    public static let spellings: OCPPSpellings<Self> = [
        (.chargePointMaxProfile, "ChargePointMaxProfile"),
        (.txDefaultProfile, "TxDefaultProfile"),
        (.txProfile, "TxProfile"),
    ]

    public var unrecognizedSpelling: String? {
        if case .unrecognized(let spelling) = self { return spelling }
        return nil
    }
}
