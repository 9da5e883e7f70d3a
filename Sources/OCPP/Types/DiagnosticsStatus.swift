/// The progress of a diagnostics upload.
public enum DiagnosticsStatus: OCPPEnumeration {
    case idle
    case uploaded
    case uploadFailed
    case uploading
    /// A value outside the standard, let through by lenient decoding.
    case unrecognized(String)

    public static let spellings: OCPPSpellings<Self> = [
        (.idle, "Idle"),
        (.uploaded, "Uploaded"),
        (.uploadFailed, "UploadFailed"),
        (.uploading, "Uploading"),
    ]

    public var unrecognizedSpelling: String? {
        if case .unrecognized(let spelling) = self { return spelling }
        return nil
    }
}
