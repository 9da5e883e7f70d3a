import Transport

extension AmpwiseConfiguration {
    /// `central.tls.ca`: the PEM certificate and private key of the CA that signs the chargers'
    /// certificate signing requests (SPEC §13, docs/security.md "The certificate authority").
    public struct CertificateAuthorityFiles: Sendable, Equatable {
        public var certificate: String
        public var privateKey: String

        public init(certificate: String, privateKey: String) {
            self.certificate = certificate
            self.privateKey = privateKey
        }
    }

    /// The CA of `central.tls.ca`, read and checked (a CA certificate, its own key), or nil when
    /// none is configured. Errors name the key and the file.
    func certificateAuthority() throws(TLSConfigurationError) -> CertificateAuthority? {
        guard let files = central.tls?.ca else { return nil }
        return try CertificateAuthority(certificatePath: files.certificate, privateKeyPath: files.privateKey)
    }
}
