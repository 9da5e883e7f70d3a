/// The answer to a DataTransfer.
public enum DataTransferStatus: OCPPEnumeration {
    case accepted
    case rejected
    case unknownMessageId
    case unknownVendorId
    /// A value outside the standard, let through by lenient decoding.
    case unrecognized(String)

    public static let spellings: OCPPSpellings<Self> = [
        (.accepted, "Accepted"),
        (.rejected, "Rejected"),
        (.unknownMessageId, "UnknownMessageId"),
        (.unknownVendorId, "UnknownVendorId"),
    ]

    public var unrecognizedSpelling: String? {
        if case .unrecognized(let spelling) = self { return spelling }
        return nil
    }
}
