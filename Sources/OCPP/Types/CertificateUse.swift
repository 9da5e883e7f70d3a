/// The kind of root certificate an InstallCertificate or GetInstalledCertificateIds is about (security whitepaper).
public enum CertificateUse: OCPPEnumeration {
    case centralSystemRootCertificate
    case manufacturerRootCertificate
    /// A value outside the standard, let through by lenient decoding.
    case unrecognized(String)

    public static let spellings: OCPPSpellings<Self> = [
        (.centralSystemRootCertificate, "CentralSystemRootCertificate"),
        (.manufacturerRootCertificate, "ManufacturerRootCertificate"),
    ]

    public var unrecognizedSpelling: String? {
        if case .unrecognized(let spelling) = self { return spelling }
        return nil
    }
}
