/// The answer to a DataTransfer.
public enum DataTransferStatus: OCPPEnumeration {
    case accepted
    case rejected
    case unknownMessageId
    case unknownVendorId
    /// A value outside the standard, let through by lenient decoding.
    case unrecognized(String)

    public static let spellings: [(value: Self, spelling: String)] = [
        (.accepted, "Accepted"),
        (.rejected, "Rejected"),
        (.unknownMessageId, "UnknownMessageId"),
        (.unknownVendorId, "UnknownVendorId"),
    ]

    public static func known(_ spelling: String) -> Self? {
        switch spelling {
        case "Accepted": .accepted
        case "Rejected": .rejected
        case "UnknownMessageId": .unknownMessageId
        case "UnknownVendorId": .unknownVendorId
        default: nil
        }
    }

    public var spelling: String {
        switch self {
        case .accepted: "Accepted"
        case .rejected: "Rejected"
        case .unknownMessageId: "UnknownMessageId"
        case .unknownVendorId: "UnknownVendorId"
        case .unrecognized(let spelling): spelling
        }
    }

    public var unrecognizedSpelling: String? {
        if case .unrecognized(let spelling) = self { return spelling }
        return nil
    }
}
