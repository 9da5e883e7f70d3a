/// The progress of a diagnostics upload.
public enum DiagnosticsStatus: OCPPEnumeration {
    case idle
    case uploaded
    case uploadFailed
    case uploading
    /// A value outside the standard, let through by lenient decoding.
    case unrecognized(String)

    public static let spellings: [(value: Self, spelling: String)] = [
        (.idle, "Idle"),
        (.uploaded, "Uploaded"),
        (.uploadFailed, "UploadFailed"),
        (.uploading, "Uploading"),
    ]

    public static func known(_ spelling: String) -> Self? {
        switch spelling {
        case "Idle": .idle
        case "Uploaded": .uploaded
        case "UploadFailed": .uploadFailed
        case "Uploading": .uploading
        default: nil
        }
    }

    public var spelling: String {
        switch self {
        case .idle: "Idle"
        case .uploaded: "Uploaded"
        case .uploadFailed: "UploadFailed"
        case .uploading: "Uploading"
        case .unrecognized(let spelling): spelling
        }
    }

    public var unrecognizedSpelling: String? {
        if case .unrecognized(let spelling) = self { return spelling }
        return nil
    }
}
