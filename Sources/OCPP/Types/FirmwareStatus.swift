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

    public static let spellings: OCPPSpellings<Self> = [
        (.downloaded, "Downloaded"),
        (.downloadFailed, "DownloadFailed"),
        (.downloading, "Downloading"),
        (.idle, "Idle"),
        (.installationFailed, "InstallationFailed"),
        (.installing, "Installing"),
        (.installed, "Installed"),
    ]

    public var unrecognizedSpelling: String? {
        if case .unrecognized(let spelling) = self { return spelling }
        return nil
    }
}
