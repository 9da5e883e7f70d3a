/// The answer to a SignedUpdateFirmware.
public enum SignedUpdateFirmwareStatus: OCPPEnumeration {
    case accepted
    case rejected
    case acceptedCanceled
    case invalidCertificate
    case revokedCertificate
    /// A value outside the standard, let through by lenient decoding.
    case unrecognized(String)

    public static let spellings: OCPPSpellings<Self> = [
        (.accepted, "Accepted"),
        (.rejected, "Rejected"),
        (.acceptedCanceled, "AcceptedCanceled"),
        (.invalidCertificate, "InvalidCertificate"),
        (.revokedCertificate, "RevokedCertificate"),
    ]

    public var unrecognizedSpelling: String? {
        if case .unrecognized(let spelling) = self { return spelling }
        return nil
    }
}
