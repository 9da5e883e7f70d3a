/// The progress of a log upload (LogStatusNotification).
public enum UploadLogStatus: OCPPEnumeration {
    case badMessage
    case idle
    case notSupportedOperation
    case permissionDenied
    case uploaded
    case uploadFailure
    case uploading
    /// A value outside the standard, let through by lenient decoding.
    case unrecognized(String)

    public static let spellings: OCPPSpellings<Self> = [
        (.badMessage, "BadMessage"),
        (.idle, "Idle"),
        (.notSupportedOperation, "NotSupportedOperation"),
        (.permissionDenied, "PermissionDenied"),
        (.uploaded, "Uploaded"),
        (.uploadFailure, "UploadFailure"),
        (.uploading, "Uploading"),
    ]

    public var unrecognizedSpelling: String? {
        if case .unrecognized(let spelling) = self { return spelling }
        return nil
    }
}
