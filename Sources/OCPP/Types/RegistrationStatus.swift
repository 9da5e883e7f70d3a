/// The central system's answer to a BootNotification.
public enum RegistrationStatus: OCPPEnumeration {
    case accepted
    case pending
    case rejected
    /// A value outside the standard, let through by lenient decoding.
    case unrecognized(String)

    public static let spellings: OCPPSpellings<Self> = [
        (.accepted, "Accepted"),
        (.pending, "Pending"),
        (.rejected, "Rejected"),
    ]

    public var unrecognizedSpelling: String? {
        if case .unrecognized(let spelling) = self { return spelling }
        return nil
    }
}
