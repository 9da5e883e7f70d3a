/// The progress of a signed firmware update (SignedFirmwareStatusNotification).
public enum SignedFirmwareStatus: OCPPEnumeration {
    case downloaded
    case downloadFailed
    case downloading
    case downloadScheduled
    case downloadPaused
    case idle
    case installationFailed
    case installing
    case installed
    case installRebooting
    case installScheduled
    case installVerificationFailed
    case invalidSignature
    case signatureVerified
    /// A value outside the standard, let through by lenient decoding.
    case unrecognized(String)

    public static let spellings: OCPPSpellings<Self> = [
        (.downloaded, "Downloaded"),
        (.downloadFailed, "DownloadFailed"),
        (.downloading, "Downloading"),
        (.downloadScheduled, "DownloadScheduled"),
        (.downloadPaused, "DownloadPaused"),
        (.idle, "Idle"),
        (.installationFailed, "InstallationFailed"),
        (.installing, "Installing"),
        (.installed, "Installed"),
        (.installRebooting, "InstallRebooting"),
        (.installScheduled, "InstallScheduled"),
        (.installVerificationFailed, "InstallVerificationFailed"),
        (.invalidSignature, "InvalidSignature"),
        (.signatureVerified, "SignatureVerified"),
    ]

    public var unrecognizedSpelling: String? {
        if case .unrecognized(let spelling) = self { return spelling }
        return nil
    }
}
