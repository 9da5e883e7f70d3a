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
        var names: [String] = []
        if let subject = X509_get_subject_name(certificate) {
            var index: Int32 = -1
            while true {
                index = X509_NAME_get_index_by_NID(subject, NID_commonName, index)
                guard index >= 0 else { break }
                guard let entry = X509_NAME_get_entry(subject, index), let data = X509_NAME_ENTRY_get_data(entry)
                else { continue }
                var utf8: UnsafeMutablePointer<UInt8>?
                let length = ASN1_STRING_to_UTF8(&utf8, data)
                guard length >= 0, let utf8 else { continue }
                names.append(String(decoding: UnsafeBufferPointer(start: utf8, count: Int(length)), as: UTF8.self))
                ampwise_OPENSSL_free(utf8)
            }
        }
        OpenSSLErrorQueue.clear()
        subjectCommonNames = names
    }
}
