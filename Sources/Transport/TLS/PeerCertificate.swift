import COpenSSL

/// The certificate a TLS client presented, once OpenSSL has verified it against the server's
/// trusted client CAs (`TLSConfiguration.clientCertificateAuthoritiesPath`): its chain and its
/// validity period. Only what the layers above decide on is kept.
public struct PeerCertificate: Sendable, Equatable {
    /// Every commonName of the subject, in order (a certificate may carry several).
    public var subjectCommonNames: [String]

    public init(subjectCommonNames: [String]) {
        self.subjectCommonNames = subjectCommonNames
    }

    /// The subject's one commonName; nil when it has none or several (which one would count is
    /// then ambiguous, so none does).
    public var commonName: String? {
        subjectCommonNames.count == 1 ? subjectCommonNames[0] : nil
    }

    /// Reads an `X509` the caller keeps owning.
    init(reading certificate: OpaquePointer) {
        subjectCommonNames =
            X509_get_subject_name(certificate).map { X509NameEntries.values(of: NID_commonName, in: $0) } ?? []
    }
}
