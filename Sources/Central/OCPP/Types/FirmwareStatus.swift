/// The progress of a firmware update.
public enum FirmwareStatus: OCPPEnumeration {
    case downloaded
    case downloadFailed
    case downloading
    case idle
    case installationFailed
    case installing
    case installed
    /// A value outside the standard, let through by lenient decoding.
    case unrecognized(String)

    public static let spellings: [(value: Self, spelling: String)] = [
        (.downloaded, "Downloaded"),
        (.downloadFailed, "DownloadFailed"),
        (.downloading, "Downloading"),
        (.idle, "Idle"),
        (.installationFailed, "InstallationFailed"),
        (.installing, "Installing"),
        (.installed, "Installed"),
    ]

    public static func known(_ spelling: String) -> Self? {
        switch spelling {
        case "Downloaded": .downloaded
        case "DownloadFailed": .downloadFailed
        case "Downloading": .downloading
        case "Idle": .idle
        case "InstallationFailed": .installationFailed
        case "Installing": .installing
        case "Installed": .installed
        default: nil
        }
    }

    public var spelling: String {
        switch self {
        case .downloaded: "Downloaded"
        case .downloadFailed: "DownloadFailed"
        case .downloading: "Downloading"
        case .idle: "Idle"
        case .installationFailed: "InstallationFailed"
        case .installing: "Installing"
        case .installed: "Installed"
        case .unrecognized(let spelling): spelling
        }
    }

    public var unrecognizedSpelling: String? {
        if case .unrecognized(let spelling) = self { return spelling }
        return nil
    }
}
